using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Partners;
using Console.Tests.Admin;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Partners;

/// <summary>
/// One real host per test class over its own SQLite file, with a clock the tests move, two courses and an allowed
/// destination host. Tests make their own KOLs, customers and orders, so they share no state but the clock.
/// </summary>
public sealed class PartnersFixture : IAsyncLifetime
{
    public const string Course = "k-101";          // 199.00
    public const string OtherCourse = "k-300";     // 300.00
    public const string Host = "shop.example.com";

    private readonly ConsoleApp _base = new(new Dictionary<string, string?>
    {
        ["Partners:AllowedHosts:0"] = Host,
        ["Partners:MinimumPayout"] = "10",
        ["Partners:ClickBurst"] = "3",
    });

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 10, 4, 0, 0, TimeSpan.Zero));
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public HttpClient Manage { get; private set; } = null!;
    public HttpClient Ingest { get; private set; } = null!;
    public HttpClient Public { get; private set; } = null!;
    public Db Db => _base.Store.Db;

    public async Task InitializeAsync()
    {
        App = _base.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        Manage = await ClientAsync(ApiKeyScope.Manage);
        Ingest = await ClientAsync(ApiKeyScope.Ingest);
        Public = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var courses = await Ingest.PostAsJsonAsync("/api/v1/courses", new[]
        {
            new { externalId = Course, title = "Painting", listPrice = 199m },
            new { externalId = OtherCourse, title = "C#", listPrice = 300m },
        });
        courses.EnsureSuccessStatusCode();
    }

    private async Task<HttpClient> ClientAsync(ApiKeyScope scope)
    {
        var client = App.CreateClient();
        var key = await App.Services.GetRequiredService<ApiKeys>().CreateAsync("test-" + scope, scope, "test");
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>A KOL with one running contract (from a month ago, open-ended) at the given terms; answers its id.</summary>
    public async Task<long> KolAsync(string name, object? contract = null, string? customerExternalId = null)
    {
        var kol = await JsonAsync(await Manage.PostAsJsonAsync("/api/v1/kols",
            new { externalId = NewId("kol"), name, platform = "douyin", customerExternalId }), HttpStatusCode.Created);
        var id = kol.GetProperty("id").GetInt64();
        await JsonAsync(await Manage.PostAsJsonAsync($"/api/v1/kols/{id}/contracts",
            contract ?? new { startsAt = "2026-10-01T00:00:00+08:00", rate = new { kind = "percent", value = 10m } }), HttpStatusCode.Created);
        return id;
    }

    public async Task<string> CodeAsync(long kolId, string? code = null) =>
        (await JsonAsync(await Manage.PostAsJsonAsync($"/api/v1/kols/{kolId}/codes", new { code }), HttpStatusCode.Created))
        .GetProperty("code").GetString()!;

    public async Task<string> LinkAsync(long kolId) =>
        (await JsonAsync(await Manage.PostAsJsonAsync($"/api/v1/kols/{kolId}/links",
            new { destinationUrl = $"https://{Host}/courses/{Course}?from=kol" }), HttpStatusCode.Created)).GetProperty("code").GetString()!;

    /// <summary>Follows a tracked link as a browser would and answers the click id it was handed.</summary>
    public async Task<string> ClickAsync(string linkCode, string ip = "203.0.113.7")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/r/{linkCode}");
        request.Headers.Add("X-Forwarded-For", ip);
        var response = await Public.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        return query["cc_click"]!;
    }

    /// <summary>The customer visits the landing page with the click id: the event ties them to the click.</summary>
    public async Task VisitAsync(string customer, string clickId)
    {
        var result = await JsonAsync(await Ingest.PostAsJsonAsync("/api/v1/events", new[]
        {
            new { eventId = NewId("ev"), customerExternalId = customer, type = "page_view", occurredAt = Clock.Now.ToString("O"), clickId },
        }), HttpStatusCode.Accepted);
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
    }

    public async Task<JsonElement> OrderAsync(object body) => await JsonAsync(await Ingest.PostAsJsonAsync("/api/v1/orders", body), HttpStatusCode.Created);

    public Task<SettleCommissions.Result> SettleAsync() => Service<SettleCommissions>().ExecuteAsync();

    public sealed record Line(string OrderId, string Kind, long Amount, string Status, long? PayoutId);

    /// <summary>The KOL's ledger as the console shows it, oldest first: written lines and those still waiting on their orders.</summary>
    public async Task<List<Line>> LinesAsync(long kolId) =>
        (await Service<KolCommissions>().ListAsync(kolId, null, null, null))!.Reverse()
            .Select(l => new Line(l.OrderId, l.Kind, l.Amount, l.Status, l.PayoutId)).ToList();

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var c = await Db.OpenAsync();
        return await c.ExecuteScalarAsync<long>(sql, args);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        _base.Dispose();
        return Task.CompletedTask;
    }
}
