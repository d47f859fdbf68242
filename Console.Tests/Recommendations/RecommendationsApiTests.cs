using System.Net;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Models;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Recommendations;

public sealed class RecommendationsApiTests : IAsyncLifetime
{
    private readonly ConsoleApp _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _app.ClientWithKeyAsync(ApiKeyScope.Ingest);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Six courses in two categories. Many customers buy p1 then p2, or d1 then d2; the last fifth of the order span holds
    /// the later purchases of some of them. s1 bought p1 and p2; s2 bought p1 only; v1 only looked at a design course.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var connection = await _app.Service<Db>().OpenAsync();
        var t0 = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        string[] courses = ["p1", "p2", "p3", "d1", "d2", "d3"];
        for (var i = 0; i < courses.Length; i++)
            await connection.ExecuteAsync("""
                INSERT INTO courses (id, external_id, title, category, list_price, status, created_at, updated_at)
                VALUES (@id, @externalId, @externalId, @category, 19900, 'active', @t0, @t0)
                """, new { id = i + 1, externalId = courses[i], category = courses[i][0] == 'p' ? "Programming" : "Design", t0 });
        var customers = new List<string> { "s1", "s2", "v1" };
        for (var i = 0; i < 40; i++) customers.Add($"b{i:D2}");
        for (var i = 0; i < customers.Count; i++)
            await connection.ExecuteAsync("""
                INSERT INTO customers (id, external_id, created_at, updated_at) VALUES (@id, @externalId, @t0, @t0)
                """, new { id = i + 1, externalId = customers[i], t0 });
        var order = 0;
        async Task Buy(int customer, int course, DateTime at) => await connection.ExecuteAsync("""
            INSERT INTO orders (order_id, customer_id, course_id, list_price, payable, status, paid_at, created_at)
            VALUES (@orderId, @customer, @course, 19900, 19900, 'paid', @at, @at)
            """, new { orderId = $"o{++order}", customer, course, at });
        for (var i = 0; i < 40; i++)
        {
            var (first, second) = i % 2 == 0 ? (1, 2) : (4, 5);
            await Buy(i + 4, first, t0.AddDays(i));
            await Buy(i + 4, second, t0.AddDays(i < 30 ? i + 1 : 45));
            if (i % 5 == 0) await Buy(i + 4, i % 2 == 0 ? 3 : 6, t0.AddDays(i + 2));
        }
        await Buy(1, 1, t0.AddDays(3));
        await Buy(1, 2, t0.AddDays(4));
        await Buy(2, 1, t0.AddDays(5));
        await connection.ExecuteAsync("""
            INSERT INTO events (event_id, event_key, customer_id, type, occurred_at, course_id) VALUES ('e1', 1, 3, 'page_view', @at, 6)
            """, new { at = t0.AddDays(6) });
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string path)
    {
        var response = await _client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string[] Courses(JsonElement body) =>
        body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("courseExternalId").GetString()!).ToArray();

    [Fact]
    public async Task Serves_the_trained_model_never_a_bought_course_and_cold_starts_by_category()
    {
        // Every read looks for a newly active version, so the model trained below is served without a restart.
        _app.Service<ActiveModels>().PollInterval = TimeSpan.Zero;
        var before = await Get("/api/v1/recommendations/s2");
        await SeedAsync();
        var trained = await _app.Service<TrainModel>().RunAsync("recommender", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, before.Status);
        Assert.Equal("model_not_trained", before.Body.GetProperty("code").GetString());
        var run = Assert.IsType<TrainModel.Outcome.Trained>(trained);
        Assert.True(run.Promoted);
        var s1 = await Get("/api/v1/recommendations/s1?n=10");
        var s2 = await Get("/api/v1/recommendations/s2?n=1");
        var v1 = await Get("/api/v1/recommendations/v1?n=2");
        var stranger = await Get("/api/v1/recommendations/nobody?n=3&context=d1");

        Assert.Equal(HttpStatusCode.OK, s1.Status);
        Assert.Equal(run.Candidate.Id, s1.Body.GetProperty("model").GetProperty("id").GetInt64());
        Assert.Equal("recommender", s1.Body.GetProperty("model").GetProperty("kind").GetString());
        Assert.Equal(["d1", "d2", "d3", "p3"], Courses(s1.Body).Order());
        Assert.Equal(["p2"], Courses(s2.Body));
        Assert.All(s1.Body.GetProperty("items").EnumerateArray(), i => Assert.Contains(i.GetProperty("reason").GetString(),
            new[] { "similar_customers", "bought_together", "popular_in_category", "popular" }));
        Assert.Equal(["d1", "d2"], Courses(v1.Body).Order());
        Assert.Equal("popular_in_category", v1.Body.GetProperty("items")[0].GetProperty("reason").GetString());
        Assert.Equal("d2", Courses(stranger.Body)[0]);
        Assert.Equal("bought_together", stranger.Body.GetProperty("items")[0].GetProperty("reason").GetString());
        Assert.DoesNotContain("d1", Courses(stranger.Body));
    }

    [Fact]
    public async Task Refuses_a_bad_query_with_the_field_named()
    {
        await SeedAsync();
        await _app.Service<TrainModel>().RunAsync("recommender", CancellationToken.None);

        foreach (var (query, field) in new[] { ("?n=0", "n"), ("?n=51", "n"), ("?n=ten", "n"), ("?count=3", "count"), ("?context=", "context"),
            ("?context=nope", "context") })
        {
            var (status, body) = await Get("/api/v1/recommendations/s1" + query);
            Assert.True(HttpStatusCode.BadRequest == status, query);
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        }
    }
}
