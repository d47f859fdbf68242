using System.Net;

namespace Console.Tests.Customers;

public sealed class UpsertTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    [Fact]
    public async Task A_customer_sent_twice_is_stored_once_and_updated()
    {
        var id = IngestionFixture.NewId("cust");
        var first = await fixture.PostAsync("/api/v1/customers", new[]
        {
            new { externalId = id, email = "li.lei@example.com", name = "Li Lei", city = "Hangzhou", emailOptIn = true, createdAt = "2025-03-01T09:30:00+08:00" },
        });
        var second = await fixture.PostAsync("/api/v1/customers", new[] { new { externalId = id, email = "lilei@example.cn", name = (string?)null } });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(1, first.Body.GetProperty("upserted").GetInt32());
        Assert.Equal(1, second.Body.GetProperty("upserted").GetInt32());
        Assert.Empty(IngestionFixture.Rejections(second.Body));
        var rows = fixture.Query<(string Email, string Name, string City, long OptIn, long Stub, DateTime CreatedAt)>(
            "SELECT email, name, city, email_opt_in, is_stub, created_at FROM customers WHERE external_id = @id", new { id });
        var row = Assert.Single(rows);
        // Stored sealed: the address is not in the row, and the console's key ring opens it.
        Assert.StartsWith(Console.Domain.Data.PersonalData.Prefix, row.Email);
        Assert.DoesNotContain("lilei", row.Email);
        Assert.Equal("lilei@example.cn", fixture.App.Service<Console.Domain.Data.PersonalData>().Open(row.Email));
        Assert.Equal("Li Lei", row.Name);
        Assert.Equal("Hangzhou", row.City);
        Assert.Equal(1, row.OptIn);
        Assert.Equal(0, row.Stub);
        Assert.Equal(new DateTime(2025, 3, 1, 1, 30, 0, DateTimeKind.Utc), row.CreatedAt);
    }

    [Fact]
    public async Task Bad_customers_are_rejected_by_index_and_the_rest_stored()
    {
        var good = IngestionFixture.NewId("cust");
        var (status, body) = await fixture.PostAsync("/api/v1/customers", new object[]
        {
            new { externalId = good },
            new { email = "nobody@example.com" },
            new { externalId = IngestionFixture.NewId("cust"), email = "not-an-email" },
            42,
            new { externalId = IngestionFixture.NewId("cust"), createdAt = "2025-03-01 09:30" },
            new { externalId = new { nested = 1 } },
            new { externalId = IngestionFixture.NewId("cust"), emailOptIn = "perhaps" },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("upserted").GetInt32());
        Assert.Equal(
            [(1, "missing_external_id"), (2, "invalid_email"), (3, "invalid_item"), (4, "invalid_created_at"), (5, "invalid_external_id"), (6, "invalid_email_opt_in")],
            IngestionFixture.Rejections(body));
        Assert.Equal(1, fixture.Scalar<int>("SELECT COUNT(*) FROM customers WHERE external_id = @good", new { good }));
    }

    [Fact]
    public async Task Courses_store_fen_and_refuse_bad_prices_and_missing_fields()
    {
        var id = IngestionFixture.NewId("course");
        var (status, body) = await fixture.PostAsync("/api/v1/courses", new object[]
        {
            new { externalId = id, title = "Python for analysts", listPrice = 1299.5m, category = "data" },
            new { externalId = IngestionFixture.NewId("course"), listPrice = 10 },
            new { externalId = IngestionFixture.NewId("course"), title = "No price" },
            new { externalId = IngestionFixture.NewId("course"), title = "Negative", listPrice = -1 },
            new { externalId = IngestionFixture.NewId("course"), title = "Too precise", listPrice = 9.999m },
            new { externalId = IngestionFixture.NewId("course"), title = "Words", listPrice = "cheap" },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("upserted").GetInt32());
        Assert.Equal(
            [(1, "missing_title"), (2, "missing_list_price"), (3, "invalid_list_price"), (4, "invalid_list_price"), (5, "invalid_list_price")],
            IngestionFixture.Rejections(body));

        await fixture.PostAsync("/api/v1/courses", new[] { new { externalId = id, title = "Python for analysts, 2nd ed.", listPrice = "1399.00" } });
        var row = Assert.Single(fixture.Query<(string Title, long Price, string Category, string Status)>(
            "SELECT title, list_price, category, status FROM courses WHERE external_id = @id", new { id }));
        Assert.Equal(("Python for analysts, 2nd ed.", 139_900L, "data", "active"), row);
    }

    [Fact]
    public async Task Live_sessions_need_a_known_course()
    {
        var course = await fixture.CourseAsync();
        var id = IngestionFixture.NewId("live");
        var (status, body) = await fixture.PostAsync("/api/v1/live-sessions", new object[]
        {
            new { externalId = id, courseExternalId = course, title = "Launch night", platform = "douyin", startedAt = "2025-05-01T20:00:00+08:00", peakViewers = 5400 },
            new { externalId = IngestionFixture.NewId("live"), courseExternalId = "no-such-course", title = "Ghost" },
            new { externalId = IngestionFixture.NewId("live"), title = "No course" },
            new { externalId = IngestionFixture.NewId("live"), courseExternalId = course, title = "Backwards", startedAt = "2025-05-01T20:00:00Z", endedAt = "2025-05-01T19:00:00Z" },
            new { externalId = IngestionFixture.NewId("live"), courseExternalId = course, title = "Crowd", peakViewers = -3 },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("upserted").GetInt32());
        Assert.Equal(
            [(1, "unknown_course"), (2, "missing_course_external_id"), (3, "invalid_ended_at"), (4, "invalid_peak_viewers")],
            IngestionFixture.Rejections(body));
        var row = Assert.Single(fixture.Query<(string Course, string Platform, DateTime StartedAt, long Peak)>(
            """
            SELECT c.external_id, s.platform, s.started_at, s.peak_viewers
            FROM live_sessions s JOIN courses c ON c.id = s.course_id WHERE s.external_id = @id
            """, new { id }));
        Assert.Equal((course, "douyin", new DateTime(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc), 5400L), row);
    }
}
