using System.Net;

namespace Console.Tests.Events;

public sealed class EventTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    private static object Event(string eventId, string customer, string type = "page_view", string occurredAt = "2025-06-01T20:15:00+08:00",
        string? course = null, string? live = null, object? value = null) =>
        new { eventId, customerExternalId = customer, type, occurredAt, courseExternalId = course, liveSessionExternalId = live, value };

    [Fact]
    public async Task Events_are_stored_in_utc_with_their_references()
    {
        var course = await fixture.CourseAsync();
        var live = await fixture.LiveSessionAsync(course);
        var customer = IngestionFixture.NewId("cust");
        var id = IngestionFixture.NewId("ev");
        var (status, body) = await fixture.PostAsync("/api/v1/events", new[] { Event(id, customer, "watch", course: course, live: live, value: 95.5) });

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
        var row = Assert.Single(fixture.Query<(string Type, DateTime OccurredAt, string Course, string Live, double Value)>(
            """
            SELECT e.type, e.occurred_at, c.external_id, s.external_id, e.value
            FROM events e JOIN courses c ON c.id = e.course_id JOIN live_sessions s ON s.id = e.live_session_id
            WHERE e.event_id = @id
            """, new { id }));
        Assert.Equal(("watch", new DateTime(2025, 6, 1, 12, 15, 0, DateTimeKind.Utc), course, live, 95.5), row);
    }

    [Fact]
    public async Task A_duplicate_event_is_counted_and_stored_once()
    {
        var customer = IngestionFixture.NewId("cust");
        var (a, b) = (IngestionFixture.NewId("ev"), IngestionFixture.NewId("ev"));
        var first = await fixture.PostAsync("/api/v1/events", new[] { Event(a, customer), Event(b, customer), Event(a, customer, "like") });
        var again = await fixture.PostAsync("/api/v1/events", new[] { Event(a, customer), Event(b, customer) });

        Assert.Equal((2, 1), (first.Body.GetProperty("accepted").GetInt32(), first.Body.GetProperty("duplicates").GetInt32()));
        Assert.Equal((0, 2), (again.Body.GetProperty("accepted").GetInt32(), again.Body.GetProperty("duplicates").GetInt32()));
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.Equal(["page_view"], fixture.Query<string>("SELECT type FROM events WHERE event_id = @a", new { a }));
        Assert.Equal(1, fixture.Scalar<int>("SELECT COUNT(*) FROM events WHERE event_id = @b", new { b }));
    }

    [Fact]
    public async Task Each_bad_event_is_rejected_with_its_code_and_the_rest_are_stored()
    {
        var course = await fixture.CourseAsync();
        var customer = IngestionFixture.NewId("cust");
        var ok = IngestionFixture.NewId("ev");
        var future = DateTimeOffset.UtcNow.AddDays(2).ToString("O");
        var nearFuture = DateTimeOffset.UtcNow.AddHours(2).ToString("O");
        var (status, body) = await fixture.PostAsync("/api/v1/events", new object[]
        {
            Event(ok, customer, course: course),
            Event(IngestionFixture.NewId("ev"), customer, course: "no-such-course"),
            Event(IngestionFixture.NewId("ev"), customer, live: "no-such-live"),
            Event(IngestionFixture.NewId("ev"), customer, type: "teleport"),
            Event(IngestionFixture.NewId("ev"), customer, occurredAt: future),
            new { customerExternalId = customer, type = "like", occurredAt = "2025-06-01T12:00:00Z" },
            new { eventId = IngestionFixture.NewId("ev"), type = "like", occurredAt = "2025-06-01T12:00:00Z" },
            new { eventId = IngestionFixture.NewId("ev"), customerExternalId = customer, occurredAt = "2025-06-01T12:00:00Z" },
            new { eventId = IngestionFixture.NewId("ev"), customerExternalId = customer, type = "like" },
            Event(IngestionFixture.NewId("ev"), customer, occurredAt: "2025-06-01T12:00:00"),
            Event(IngestionFixture.NewId("ev"), customer, occurredAt: "yesterday"),
            Event(IngestionFixture.NewId("ev"), customer, type: "watch", value: "long"),
            "an event",
            Event(IngestionFixture.NewId("ev"), customer, occurredAt: nearFuture),
        });

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(
            [
                (1, "unknown_course"), (2, "unknown_live_session"), (3, "unknown_type"), (4, "occurred_in_future"),
                (5, "missing_event_id"), (6, "missing_customer_external_id"), (7, "missing_type"), (8, "missing_occurred_at"),
                (9, "invalid_occurred_at"), (10, "invalid_occurred_at"), (11, "invalid_value"), (12, "invalid_item"),
            ],
            IngestionFixture.Rejections(body));
        Assert.Equal(2, fixture.Scalar<int>(
            "SELECT COUNT(*) FROM events e JOIN customers c ON c.id = e.customer_id WHERE c.external_id = @customer", new { customer }));
    }

    [Fact]
    public async Task An_unknown_customer_becomes_a_stub_that_a_later_upsert_fills_in()
    {
        var customer = IngestionFixture.NewId("cust");
        var (status, _) = await fixture.PostAsync("/api/v1/events", new[] { Event(IngestionFixture.NewId("ev"), customer), Event(IngestionFixture.NewId("ev"), customer, "like") });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var stub = Assert.Single(fixture.Query<(long Id, long Stub, string? Email)>(
            "SELECT id, is_stub, email FROM customers WHERE external_id = @customer", new { customer }));
        Assert.Equal(1, stub.Stub);
        Assert.Null(stub.Email);

        await fixture.PostAsync("/api/v1/customers", new[] { new { externalId = customer, email = "han.meimei@example.com", name = "Han Meimei" } });
        await fixture.PostAsync("/api/v1/events", new[] { Event(IngestionFixture.NewId("ev"), customer, "share") });

        var filled = Assert.Single(fixture.Query<(long Id, long Stub, string Email)>(
            "SELECT id, is_stub, email FROM customers WHERE external_id = @customer", new { customer }));
        Assert.Equal((stub.Id, 0L, "han.meimei@example.com"),
            filled with { Email = fixture.App.Service<Console.Domain.Data.PersonalData>().Open(filled.Email)! });
        Assert.Equal(3, fixture.Scalar<int>("SELECT COUNT(*) FROM events WHERE customer_id = @Id", new { stub.Id }));
    }

    [Fact]
    public async Task A_batch_of_only_bad_events_stores_nothing_and_creates_no_stub()
    {
        var customer = IngestionFixture.NewId("cust");
        var (status, body) = await fixture.PostAsync("/api/v1/events", new[] { Event(IngestionFixture.NewId("ev"), customer, course: "no-such-course") });
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(0, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, fixture.Scalar<int>("SELECT COUNT(*) FROM customers WHERE external_id = @customer", new { customer }));
    }

    [Fact]
    public async Task Concurrent_overlapping_batches_store_each_event_once_and_count_every_duplicate()
    {
        var prefix = IngestionFixture.NewId("ev");
        var customers = Enumerable.Range(0, 5).Select(_ => IngestionFixture.NewId("cust")).ToArray();
        // Eight batches of 100 over 400 distinct ids: each id is sent twice, often in batches written together.
        var batches = Enumerable.Range(0, 8).Select(b => Enumerable.Range(0, 100)
            .Select(i => Event($"{prefix}-{(b * 100 + i) % 400}", customers[i % customers.Length])).ToArray()).ToList();
        var answers = await Task.WhenAll(batches.Select(batch => fixture.PostAsync("/api/v1/events", batch)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.Equal(400, answers.Sum(a => a.Body.GetProperty("accepted").GetInt32()));
        Assert.Equal(400, answers.Sum(a => a.Body.GetProperty("duplicates").GetInt32()));
        Assert.Equal(400, fixture.Scalar<int>("SELECT COUNT(*) FROM events WHERE event_id LIKE @p", new { p = prefix + "-%" }));
        Assert.Equal(5, fixture.Scalar<int>(
            "SELECT COUNT(DISTINCT c.id) FROM events e JOIN customers c ON c.id = e.customer_id WHERE e.event_id LIKE @p AND c.is_stub = 1",
            new { p = prefix + "-%" }));
    }
}
