using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Reports;
using Console.Jobs.Reports;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Reports;

/// <summary>
/// POST /api/v1/reports under load, under hostile bodies and without its job store: every answer is a 202 or a problem,
/// never a 500; and every request, download and schedule change is in the audit log.
/// </summary>
public sealed class ReportsApiTests(ReportsApiTests.Host host) : IClassFixture<ReportsApiTests.Host>
{
    /// <summary>One host for the class; each test counts or names only the rows it made.</summary>
    public sealed class Host : IAsyncLifetime
    {
        // The default queue wait: twenty enqueues at once on a busy two-core machine can take more than a second. The
        // locked-store test starts its own host with a one-second wait.
        public ConsoleApp App { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync() => Client = await App.ClientWithKeyAsync(ApiKeyScope.Manage);

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly ConsoleApp _app = host.App;
    private readonly HttpClient _client = host.Client;

    private long Count(string sql)
    {
        using var connection = _app.Store.Db.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static string Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Twenty_requests_at_once_are_each_queued_with_their_own_report_and_audit_row()
    {
        var bodies = Enumerable.Range(0, 20).Select(i => new { kind = "sales", from = Today(-7 - i), to = Today(-1), language = i % 2 == 0 ? "en" : "zh-Hans" });
        var responses = await Task.WhenAll(bodies.Select(b => _client.PostAsJsonAsync("/api/v1/reports", b)));

        var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses.Zip(texts), p => Assert.True(p.First.StatusCode == HttpStatusCode.Accepted, $"{(int)p.First.StatusCode} {p.Second}"));
        var ids = texts.Select(t => JsonDocument.Parse(t).RootElement.GetProperty("id").GetInt64()).ToHashSet();
        Assert.Equal(20, ids.Count);
        using var connection = _app.Store.Db.Open();
        Assert.Equal(20L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM reports WHERE status = 'queued' AND id IN @ids", new { ids }));
        Assert.Equal(ids.Order(), connection.Query<long>("SELECT CAST(entity_id AS INTEGER) FROM audit_log WHERE action = 'report.request' AND CAST(entity_id AS INTEGER) IN @ids",
            new { ids }).Order());
        foreach (var id in ids)
            Assert.Equal("queued", (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}")).GetProperty("status").GetString());
    }

    public static TheoryData<string, string, int> Hostile => new()
    {
        { "empty", "", 400 },
        { "null", "null", 400 },
        { "array", "[]", 400 },
        { "string", "\"sales\"", 400 },
        { "cut short", """{"kind":"sales","from":"2026-""", 400 },
        { "no day 30 in February", """{"kind":"sales","from":"2026-02-30","to":"2026-03-01"}""", 400 },
        { "a time, not a day", """{"kind":"sales","from":"2026-02-01T00:00:00Z","to":"2026-02-02"}""", 400 },
        { "number for a word", """{"kind":1,"from":"2026-02-01","to":"2026-02-02"}""", 400 },
        { "object for a day", """{"kind":"sales","from":{"y":2026},"to":"2026-02-02"}""", 400 },
        { "unknown field", """{"kind":"sales","from":"2026-02-01","to":"2026-02-02","format":"pdf"}""", 400 },
        { "field twice", """{"kind":"sales","kind":"csv","from":"2026-02-01","to":"2026-02-02"}""", 400 },
        { "deep nesting", "{\"kind\":" + new string('[', 5000) + new string(']', 5000) + "}", 400 },
        { "lone surrogate", """{"kind":"\ud800","from":"2026-02-01","to":"2026-02-02"}""", 400 },
        { "control character", "{\"kind\":\"sal\u0000es\",\"from\":\"2026-02-01\",\"to\":\"2026-02-02\"}", 400 },
        { "the first day there is, with no day before it", """{"kind":"sales","from":"0001-01-01","to":"0001-01-01"}""", 400 },
        { "a year before the first day's period", """{"kind":"sales","from":"0001-06-01","to":"0002-05-31"}""", 400 },
        { "the last day there is", """{"kind":"sales","from":"9999-12-31","to":"9999-12-31"}""", 400 },
        { "to before from", """{"kind":"sales","from":"2026-02-02","to":"2026-02-01"}""", 400 },
        { "three years", """{"kind":"sales","from":"2020-01-01","to":"2022-12-31"}""", 400 },
        { "upper-case language", """{"kind":"sales","from":"2026-02-01","to":"2026-02-02","language":"ZH-HANS"}""", 400 },
        { "empty field name", """{"":1,"kind":"sales","from":"2026-02-01","to":"2026-02-02"}""", 400 },
        { "long field name", "{\"" + new string('k', 100_000) + "\":1}", 400 },
        { "escaped field name", """{"k\"ind":"sales","from":"2026-02-01","to":"2026-02-02"}""", 400 },
        { "trailing comma", """{"kind":"sales","from":"2026-02-01","to":"2026-02-02",}""", 400 },
        { "comment", """{"kind":"sales",/* x */"from":"2026-02-01","to":"2026-02-02"}""", 400 },
        { "number for a day", """{"kind":"sales","from":20260201,"to":"2026-02-02"}""", 400 },
        { "month 13", """{"kind":"sales","from":"2026-13-01","to":"2026-02-02"}""", 400 },
        { "type hint", """{"$type":"x","kind":"sales","from":"2026-02-01","to":"2026-02-02"}""", 400 },
        { "two objects", """{"kind":"sales","from":"2026-02-01","to":"2026-02-02"}{}""", 400 },
        { "long language", "{\"kind\":\"sales\",\"from\":\"2026-02-01\",\"to\":\"2026-02-02\",\"language\":\"" + new string('x', 100_000) + "\"}", 400 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_body_is_refused_as_a_problem_and_stores_nothing(string what, string body, int status)
    {
        var (reports, audited) = (Count("SELECT COUNT(*) FROM reports"), Count("SELECT COUNT(*) FROM audit_log"));
        var response = await _client.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: {(int)response.StatusCode} {text}");
        await ProblemAssert.ProblemAsync(response, (HttpStatusCode)status);
        Assert.Equal((reports, audited), (Count("SELECT COUNT(*) FROM reports"), Count("SELECT COUNT(*) FROM audit_log")));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_an_oversized_body_and_a_form_are_problems_too()
    {
        var reports = Count("SELECT COUNT(*) FROM reports");
        var bad = await _client.PostAsync("/api/v1/reports", ProblemAssert.BadBytes("""{"kind":"sa#les","from":"2026-02-01","to":"2026-02-02"}"""));
        await ProblemAssert.ProblemAsync(bad, HttpStatusCode.BadRequest);
        var huge = "{\"kind\":\"" + new string('s', 11 * 1024 * 1024) + "\"}";
        var large = await _client.PostAsync("/api/v1/reports", new StringContent(huge, Encoding.UTF8, "application/json"));
        await ProblemAssert.ProblemAsync(large, HttpStatusCode.RequestEntityTooLarge);
        var form = await _client.PostAsync("/api/v1/reports", new FormUrlEncodedContent([new("kind", "sales"), new("from", "2026-02-01")]));
        Assert.True((int)form.StatusCode is >= 400 and < 500, $"{(int)form.StatusCode}");
        Assert.Equal(reports, Count("SELECT COUNT(*) FROM reports"));
    }

    [Fact]
    public async Task With_the_job_store_locked_by_another_process_the_request_is_a_503_problem_and_its_report_is_failed_not_left_queued()
    {
        using var app = new ConsoleApp(new() { ["Reports:QueueSeconds"] = "1" });
        var client = await app.ClientWithKeyAsync(ApiKeyScope.Manage);
        // Another node holding the job store's write lock, as a worker's long transaction or a copy tool would.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.Store.Directory, "jobs.db")};Pooling=False");
        await holder.OpenAsync();
        await using (var exclusive = holder.CreateCommand())
        {
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            await exclusive.ExecuteNonQueryAsync();
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/reports", new { kind = "sales", from = Today(-7), to = Today(-1) });
        var problem = await ProblemAssert.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains(QueueRenderReport.Reason, problem.GetProperty("detail").GetString());
        await holder.CloseAsync();
        using var connection = app.Store.Db.Open();
        var (status, reason) = connection.QuerySingle<(string, string)>("SELECT status, reason FROM reports");
        Assert.Equal((ReportStatus.Failed, QueueRenderReport.Reason), (status, reason));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"{watch.Elapsed}");
    }

    [Fact]
    public async Task Requests_downloads_and_schedule_changes_are_written_to_the_audit_log_with_who_did_them()
    {
        var key = await _app.Service<ApiKeys>().CreateAsync("reports-audit", ApiKeyScope.Manage, "test");
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        var queued = await client.PostAsJsonAsync("/api/v1/reports", new { kind = "sales", from = Today(-7), to = Today(-1), language = "zh-Hans" });
        var id = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/api/v1/reports/{id}.pdf")).StatusCode);
        Assert.IsType<RenderReport.Outcome.Done>(await _app.Service<RenderReport>().ExecuteAsync(id));
        var pdf = await client.GetAsync($"/api/v1/reports/{id}.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);

        var created = await client.PostAsJsonAsync("/api/v1/report-schedules",
            new { kind = "sales", cadence = "weekly", recipients = new[] { "boss@example.com" } });
        var schedule = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var refused = await client.PutAsJsonAsync($"/api/v1/report-schedules/{schedule}", new { kind = "sales", cadence = "yearly", recipients = new[] { "x" } });
        await ProblemAssert.ProblemAsync(refused, HttpStatusCode.BadRequest);
        var changed = await client.PutAsJsonAsync($"/api/v1/report-schedules/{schedule}",
            new { kind = "sales", cadence = "monthly", dayOfMonth = 2, hour = 7, language = "zh-Hans", recipients = new[] { "boss@example.com", "cfo@example.com" } });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/report-schedules")).EnumerateArray());
        Assert.Equal(("monthly", 2, 7), (listed.GetProperty("cadence").GetString(), listed.GetProperty("dayOfMonth").GetInt32(), listed.GetProperty("hour").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/v1/report-schedules/999",
            new { kind = "sales", cadence = "weekly", recipients = new[] { "a@example.com" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/report-schedules/{schedule}")).StatusCode);

        using var connection = _app.Store.Db.Open();
        var rows = connection.Query<(string Actor, string Action, string EntityId, string? Before, string? After)>(
            "SELECT actor, action, entity_id, before_json, after_json FROM audit_log WHERE actor = 'apikey:reports-audit' ORDER BY id").ToList();
        Assert.Equal(["report.request", "report.download", "report_schedule.create", "report_schedule.update", "report_schedule.delete"],
            rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("apikey:reports-audit", r.Actor));
        Assert.Equal([$"{id}", $"{id}", $"{schedule}", $"{schedule}", $"{schedule}"], rows.Select(r => r.EntityId));
        Assert.Contains("\"language\":\"zh-Hans\"", rows[0].After);
        var update = rows[3];
        Assert.Contains("\"cadence\":\"weekly\"", update.Before);
        Assert.Contains("\"cadence\":\"monthly\"", update.After);
        Assert.Contains("cfo@example.com", update.After);
    }
}
