using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Customers;
using Console.Domain.Sales;
using Console.Domain.Surveys;
using Console.Web.Cli;
using Dapper;

namespace Console.Tests.Customers;

/// <summary>A customer's copy of their data and their erasure, through the API and the CLI, over a store with every kind of data.</summary>
public sealed class CustomerDataTests : IAsyncLifetime
{
    private readonly ConsoleApp _app = new();
    private HttpClient _manage = null!;
    private HttpClient _ingest = null!;
    private long _coupon;

    public async Task InitializeAsync()
    {
        _manage = await _app.ClientWithKeyAsync(ApiKeyScope.Manage);
        // Responses answer with their sentiment: the models load here, not inside a request's time limit.
        await _app.Service<Console.Domain.Text.SentimentScorer>().ModelsAsync(CancellationToken.None);
        _ingest = await _app.ClientWithKeyAsync();
        await PostAsync(_ingest, "/api/v1/courses", new[] { new { externalId = "cd-course", title = "Sketching", listPrice = 199m, category = "art" } });
        _coupon = (await PostAsync(_manage, "/api/v1/coupon-campaigns", new { name = "Ten off", kind = "amount_off", value = 10m, code = "CDTEN", status = "active" }))
            .GetProperty("id").GetInt64();
        await PostAsync(_manage, "/api/v1/surveys", new
        {
            name = "After class", status = "open",
            questions = new object[]
            {
                new { key = "nps", kind = "nps", text = new Dictionary<string, string> { ["en"] = "Recommend us?", ["zh-Hans"] = "推荐吗？" } },
                new { key = "why", kind = "text", text = new Dictionary<string, string> { ["en"] = "Why?", ["zh-Hans"] = "为什么？" } },
            },
        });
        foreach (var (id, email) in new[] { ("cd-ann", "ann@example.com"), ("cd-bo", "bo@example.com") })
        {
            await PostAsync(_ingest, "/api/v1/customers", new[] { new { externalId = id, email, name = "Name of " + id, phone = "+86 138 0000 0000", city = "Hangzhou", emailOptIn = true } });
            await PostAsync(_ingest, "/api/v1/events", new[] { new { eventId = "ev-" + id, customerExternalId = id, type = "page_view", occurredAt = "2026-11-30T10:00:00+08:00", courseExternalId = "cd-course" } });
            await PostAsync(_ingest, "/api/v1/orders", new { orderId = "o-" + id, customerExternalId = id, courseExternalId = "cd-course", couponCodes = new[] { "CDTEN" } });
            await PostAsync(_ingest, "/api/v1/surveys/1/responses", new
            {
                responseId = "r-" + id, customerExternalId = id,
                answers = new Dictionary<string, object> { ["nps"] = 3, ["why"] = "The sound of " + id + " kept dropping" },
            });
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Every_column_that_holds_a_customer_id_is_covered_and_a_new_one_is_found()
    {
        Assert.Empty(await CustomerDataMap.UncoveredAsync(_app.Store.Db));
        Assert.All(CustomerDataMap.Covered, c => Assert.Contains(c.Section, ExportCustomer.Sections));

        await using (var connection = await _app.Store.Db.OpenAsync())
            await connection.ExecuteAsync(
                """
                CREATE TABLE loyalty_points (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, points INTEGER NOT NULL);
                INSERT INTO loyalty_points (customer_id, points) SELECT id, 50 FROM customers;
                CREATE TABLE referrals (id INTEGER PRIMARY KEY, referrer_customer_id INTEGER NOT NULL);
                """);

        Assert.Equal([("loyalty_points", "customer_id"), ("referrals", "referrer_customer_id")], await CustomerDataMap.UncoveredAsync(_app.Store.Db));
    }

    [Fact]
    public async Task The_export_holds_every_section_with_this_customer_rows_only()
    {
        using var response = await _manage.GetAsync("/api/v1/customers/cd-ann/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var covers = document.GetProperty("covers").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.All(CustomerDataMap.Covered.Select(c => c.Section).Distinct(), s => Assert.Contains(s, covers));
        Assert.All(covers, s => Assert.True(document.TryGetProperty(s!, out _), $"section {s} is listed but missing"));
        Assert.Equal("ann@example.com", document.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("ev-cd-ann", Assert.Single(document.GetProperty("events").EnumerateArray()).GetProperty("event_id").GetString());
        Assert.Equal(18900, Assert.Single(document.GetProperty("orders").EnumerateArray()).GetProperty("payable_fen").GetInt64());
        Assert.Equal("Ten off", Assert.Single(document.GetProperty("couponRedemptions").EnumerateArray()).GetProperty("campaign").GetString());
        Assert.Contains("cd-ann kept dropping", Assert.Single(document.GetProperty("surveyAnswers").EnumerateArray()).GetProperty("answers").GetString());
        Assert.DoesNotContain("bo@example.com", document.GetRawText());

        Assert.Equal(HttpStatusCode.NotFound, (await _manage.GetAsync("/api/v1/customers/nobody/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _ingest.GetAsync("/api/v1/customers/cd-ann/export")).StatusCode);
    }

    [Fact]
    public async Task Erasure_removes_personal_data_keeps_every_figure_and_later_events_start_a_new_customer()
    {
        await _app.Service<RollupDailySales>().RunAsync();
        await _app.Service<AnalyseSurveys>().RunAsync();
        var before = await FiguresAsync();
        var answered = await _app.Service<SurveyResults>().ReadAsync(1, new ResultsFilter());
        Assert.Equal(2, answered!.Questions.Single(q => q.Key == "why").Answers);
        Assert.Equal(2, answered.Sentiment.Scored);

        using var erased = await _manage.DeleteAsync("/api/v1/customers/cd-ann");
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var pseudonym = JsonDocument.Parse(await erased.Content.ReadAsStringAsync()).RootElement.GetProperty("pseudonym").GetString()!;
        Assert.StartsWith(EraseCustomer.PseudonymPrefix, pseudonym);

        await _app.Service<RollupDailySales>().RunAsync();
        Assert.Equal(before, await FiguresAsync());
        await using var connection = await _app.Store.Db.OpenAsync();
        var row = await connection.QuerySingleAsync<(string? Email, string? EmailHash, string? Name, string? Phone, string? PhoneHash, string? City, long OptIn)>(
            "SELECT email, email_hash, name, phone, phone_hash, city, email_opt_in FROM customers WHERE external_id = @pseudonym", new { pseudonym });
        Assert.Equal((null, null, null, null, null, null, 0L), row);
        var answers = await connection.QuerySingleAsync<(string Answers, string? FreeText)>(
            "SELECT r.answers_json, r.free_text FROM survey_responses r JOIN customers c ON c.id = r.customer_id WHERE c.external_id = @pseudonym", new { pseudonym });
        Assert.DoesNotContain("kept dropping", answers.Answers);
        Assert.Null(answers.FreeText);
        Assert.Contains("\"nps\"", answers.Answers);
        // The next analysis stops counting the erased text; its NPS answer still counts.
        Assert.Equal(1, await _app.Service<AnalyseSurveys>().RunAsync());
        var after = await _app.Service<SurveyResults>().ReadAsync(1, new ResultsFilter());
        Assert.True(after!.FromSnapshot);
        Assert.Equal((1, 1, 2), (after.Questions.Single(q => q.Key == "why").Answers, after.Sentiment.Scored, after.Responses));
        Assert.DoesNotContain(after.Themes.SelectMany(t => t.Examples), e => e.Contains("cd-ann"));
        Assert.Equal("erasure", await connection.ExecuteScalarAsync<string>(
            "SELECT x.source FROM consent_changes x JOIN customers c ON c.id = x.customer_id WHERE c.external_id = @pseudonym ORDER BY x.id DESC LIMIT 1", new { pseudonym }));
        var audit = await connection.QuerySingleAsync<string>("SELECT after_json FROM audit_log WHERE action = 'customer.erase'");
        Assert.DoesNotContain("ann", audit, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await _manage.GetAsync("/api/v1/customers/cd-ann/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _manage.DeleteAsync("/api/v1/customers/cd-ann")).StatusCode);
        await PostAsync(_ingest, "/api/v1/events", new[] { new { eventId = "ev-after", customerExternalId = "cd-ann", type = "page_view", occurredAt = "2026-12-01T10:00:00+08:00" } });
        var fresh = await connection.QuerySingleAsync<(long Id, long Stub)>("SELECT id, is_stub FROM customers WHERE external_id = 'cd-ann'");
        Assert.NotEqual(await connection.ExecuteScalarAsync<long>("SELECT id FROM customers WHERE external_id = @pseudonym", new { pseudonym }), fresh.Id);
    }

    [Fact]
    public async Task The_cli_exports_and_erases_as_the_api_does()
    {
        var (code, output, _) = await CliAsync("customer", "export", "cd-bo");
        Assert.Equal(0, code);
        Assert.Equal("bo@example.com", JsonDocument.Parse(output).RootElement.GetProperty("profile").GetProperty("email").GetString());

        (code, output, _) = await CliAsync("customer", "erase", "cd-bo");
        Assert.Equal(0, code);
        Assert.Contains(EraseCustomer.PseudonymPrefix, output);
        var (missing, _, error) = await CliAsync("customer", "export", "cd-bo");
        Assert.Equal(1, missing);
        Assert.Contains("no customer", error);
    }

    private async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliVerbs.RunAsync([.. args, $"--Database:Path={_app.Store.Path}"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The figures an erasure must not move: daily rollups, the coupon campaign's results and the orders' sums.</summary>
    private async Task<string> FiguresAsync()
    {
        await using var connection = await _app.Store.Db.OpenAsync();
        var rollups = await connection.QueryAsync<(string Day, long Orders, long Gross, long Discount, long Refunded)>(
            "SELECT day, orders, gross, discount, refunded FROM daily_sales ORDER BY day, course_id, channel");
        var campaign = await (await _manage.GetAsync($"/api/v1/coupon-campaigns/{_coupon}")).Content.ReadAsStringAsync();
        var orders = await connection.QuerySingleAsync<(long Count, long Payable)>("SELECT COUNT(*), SUM(payable) FROM orders");
        return string.Join('|', rollups) + "|" + campaign + "|" + orders;
    }

    public Task DisposeAsync()
    {
        _manage.Dispose();
        _ingest.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }
}
