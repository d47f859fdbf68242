using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Dapper;

namespace Console.Tests.Api;

/// <summary>
/// One real host over a real SQLite file, holding courses, a customer, a live session, campaigns, orders to refund and an
/// open team, put in through the API itself where the API can: the hostile requests refer to them.
/// </summary>
public sealed class HostileFixture : IAsyncLifetime
{
    public ConsoleApp App { get; } = new(new() { ["Partners:AllowedHosts:0"] = "shop.example.com" });
    public Known Known { get; private set; } = Known.Fresh;
    public HostileRunner Runner { get; private set; } = null!;
    private HttpClient _client = null!;
    private TableCounts _tables = null!;

    public async Task InitializeAsync()
    {
        // A tracked link answers 302; following it would fetch the shop's page, which this host does not serve.
        _client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var keys = App.Service<ApiKeys>();
        var manage = (await keys.CreateAsync("hostile-manage", ApiKeyScope.Manage, "test")).Key;
        var ingest = (await keys.CreateAsync("hostile-ingest", ApiKeyScope.Ingest, "test")).Key;
        _client.DefaultRequestHeaders.Add("X-Api-Key", manage);
        await using (var connection = await App.Store.Db.OpenAsync())
        {
            var now = DateTime.UtcNow;
            await connection.ExecuteAsync(
                """
                INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Course, 'Sketching 101', 'art', 19900, @now, @now);
                INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Course2, 'C# in a week', 'code', 30000, @now, @now);
                INSERT INTO customers (external_id, name, created_at, updated_at) VALUES (@Customer, 'Li Lei', @now, @now);
                INSERT INTO live_sessions (external_id, course_id, title, updated_at)
                SELECT @LiveSession, id, 'Launch night', @now FROM courses WHERE external_id = @Course;
                """, new { Known.Course, Known.Course2, Known.Customer, Known.LiveSession, now });
        }
        var coupon = await IdAsync("/api/v1/coupon-campaigns", new { name = "Ten off", kind = "amount_off", value = 10m, code = Known.Code, status = "active" });
        var patch = await IdAsync("/api/v1/coupon-campaigns", new { name = "Patched", kind = "amount_off", value = 5m, code = Known.PatchCode });
        var groupBuy = await IdAsync("/api/v1/group-buy-campaigns",
            new { name = "Three for 99", courseExternalId = Known.Course, teamSize = 3, groupPrice = 99m, teamWindowMinutes = 600, status = "active" });
        foreach (var orderId in new[] { Known.SmallRefunds, Known.HostileRefunds, Known.RestRefunds })
            await PostAsync("/api/v1/orders", new { orderId, customerExternalId = Known.Customer, courseExternalId = Known.Course });
        var team = await PostAsync("/api/v1/orders",
            new { orderId = "fz-order-team", customerExternalId = Known.Leader, courseExternalId = Known.Course, groupBuy = new { campaignId = groupBuy } });
        var kol = await IdAsync("/api/v1/kols", new { externalId = "fz-kol", name = "Fang", platform = "douyin" });
        await PostAsync($"/api/v1/kols/{kol}/codes", new { code = "FZKOLCODE" });
        var link = await PostAsync($"/api/v1/kols/{kol}/links", new { destinationUrl = "https://shop.example.com/c?x=1", label = "bio" });
        await PostAsync("/api/v1/experiments", new
        {
            key = Known.Experiment, name = "Price test", status = "running", metric = new { kind = "conversion" },
            variants = new object[] { new { key = "control", weight = 50 }, new { key = "treatment", weight = 50 } },
        });
        var survey = await IdAsync("/api/v1/surveys", new
        {
            name = "After class", status = "open",
            questions = new object[]
            {
                new { key = "nps", kind = "nps", required = true, text = new Dictionary<string, string> { ["en"] = "Recommend us?", ["zh-Hans"] = "推荐吗？" } },
                new { key = "why", kind = "text", text = new Dictionary<string, string> { ["en"] = "Why?", ["zh-Hans"] = "为什么？" } },
            },
        });
        long customerId;
        await using (var connection = await App.Store.Db.OpenAsync())
            customerId = await connection.ExecuteScalarAsync<long>("SELECT id FROM customers WHERE external_id = @Customer", new { Known.Customer });
        var unsubscribe = new Uri(App.Service<Console.Domain.Email.IUnsubscribeLinks>().UrlFor(customerId, null)).AbsolutePath;
        Known = new Known(coupon, patch, groupBuy, team.GetProperty("groupBuyTeam").GetProperty("teamId").GetInt64(), kol, link.GetProperty("code").GetString()!,
            Survey: survey, Unsubscribe: unsubscribe);

        // A response answers with its sentiment: the models load here, not inside the first request's time limit.
        await App.Service<Console.Domain.Text.SentimentScorer>().ModelsAsync(CancellationToken.None);
        _tables = new TableCounts(App.Store.Path);
        var keysByKind = new Dictionary<Key, string?>
        {
            [Key.Manage] = manage, [Key.Ingest] = ingest, [Key.None] = null, [Key.Unknown] = "cc_" + new string('0', 64),
            [Key.Injection] = "' OR '1'='1' --", [Key.Huge] = new string('k', 10_000),
        };
        _client.DefaultRequestHeaders.Remove("X-Api-Key");
        Runner = new HostileRunner(_client, _tables, keysByKind);
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _client.PostAsJsonAsync(path, body);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Setting up with POST {path}: {(int)response.StatusCode} {answer}");
        return JsonDocument.Parse(answer).RootElement.Clone();
    }

    private async Task<long> IdAsync(string path, object body) => (await PostAsync(path, body)).GetProperty("id").GetInt64();

    public Task DisposeAsync()
    {
        _tables?.Dispose();
        _client?.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
