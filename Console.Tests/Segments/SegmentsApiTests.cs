using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Segments;
using Dapper;

namespace Console.Tests.Segments;

/// <summary>The segments API through the real pipeline, a segment as a coupon campaign's audience at checkout, and the daily sizes.</summary>
public sealed class SegmentsApiTests : IAsyncLifetime
{
    private readonly ConsoleApp _app = new();
    private HttpClient _manage = null!;
    private HttpClient _ingest = null!;

    public async Task InitializeAsync()
    {
        _manage = await _app.ClientWithKeyAsync(ApiKeyScope.Manage);
        _ingest = await _app.ClientWithKeyAsync();
        using var connection = _app.Store.Db.Open();
        connection.Execute(
            """
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES ('py', 'Python', 'programming', 10000, '2025-01-01 00:00:00', '2025-01-01 00:00:00');
            INSERT INTO customers (external_id, name, city, email_opt_in, created_at, updated_at) VALUES
                ('sh-1', 'Shanghai one', 'Shanghai', 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
                ('sh-2', 'Shanghai two', 'Shanghai', 0, '2025-01-02 00:00:00', '2025-01-02 00:00:00'),
                ('bj-1', 'Beijing one', 'Beijing', 1, '2025-01-03 00:00:00', '2025-01-03 00:00:00');
            """);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private Task<HttpResponseMessage> CreateAsync(string json) =>
        _manage.PostAsync("/api/v1/segments", ProblemAssert.Json(json));

    [Fact]
    public async Task A_segment_is_created_read_previewed_listed_changed_and_deleted()
    {
        var created = await CreateAsync("""{"name":"Shanghai","rule":{"all":[{"field":"city","op":"eq","value":"Shanghai"}]}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal(2, body.GetProperty("size").GetInt64());

        var got = await JsonAsync(await _manage.GetAsync($"/api/v1/segments/{id}"));
        Assert.Equal("Shanghai", got.GetProperty("name").GetString());
        Assert.Equal("city", got.GetProperty("rule").GetProperty("all")[0].GetProperty("field").GetString());

        var preview = await JsonAsync(await _manage.GetAsync($"/api/v1/segments/{id}/preview?n=1"));
        Assert.Equal(2, preview.GetProperty("size").GetInt64());
        Assert.Equal("sh-2", Assert.Single(preview.GetProperty("sample").EnumerateArray()).GetProperty("externalId").GetString());

        var live = await JsonAsync(await _manage.PostAsync("/api/v1/segments/preview",
            ProblemAssert.Json("""{"rule":{"any":[{"field":"email_opt_in","op":"is","value":true}]},"n":20}""")));
        Assert.Equal(2, live.GetProperty("size").GetInt64());
        Assert.Equal(["bj-1", "sh-1"], live.GetProperty("sample").EnumerateArray().Select(s => s.GetProperty("externalId").GetString()));

        var patched = await _manage.PatchAsync($"/api/v1/segments/{id}", ProblemAssert.Json(
            """{"rule":{"all":[{"field":"city","op":"eq","value":"Shanghai"},{"field":"email_opt_in","op":"is","value":true}]}}"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Shanghai", (await JsonAsync(patched)).GetProperty("name").GetString());
        Assert.Equal(1, (await JsonAsync(await _manage.GetAsync($"/api/v1/segments/{id}/preview"))).GetProperty("size").GetInt64());

        await CreateAsync("""{"name":"Anyone opted in","rule":{"all":[{"field":"email_opt_in","op":"is","value":true}]}}""");
        var list = await JsonAsync(await _manage.GetAsync("/api/v1/segments?sort=name&direction=asc"));
        Assert.Equal(2, list.GetProperty("total").GetInt64());
        Assert.Equal(["Anyone opted in", "Shanghai"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await _manage.DeleteAsync($"/api/v1/segments/{id}")).StatusCode);
        await ProblemAssert.ProblemAsync(await _manage.GetAsync($"/api/v1/segments/{id}"), HttpStatusCode.NotFound);
        Assert.False(await _app.Service<ISegmentMembers>().ExistsAsync(id, CancellationToken.None));
        Assert.Equal(1, _app.Store.Db.Open().ExecuteScalar<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'segment.archive'"));
    }

    [Fact]
    public async Task Bad_rules_are_400_naming_the_path_and_nothing_is_stored()
    {
        await ProblemAssert.FieldAsync(await CreateAsync(
            """{"name":"x","rule":{"all":[{"field":"city","op":"eq","value":"a"},{"field":"city","op":"eq","value":"b"},{"field":"orders","op":"near","value":1}]}}"""),
            "rule.all[2].op");
        await ProblemAssert.FieldAsync(await CreateAsync("""{"name":"x","rule":{"all":[{"field":"shoe_size","op":"eq","value":1}]}}"""), "rule.all[0].field");
        await ProblemAssert.FieldAsync(await CreateAsync("""{"name":"x","rule":{"all":[{"field":"purchased_course","op":"in","value":["nope"]}]}}"""), "rule.all[0].value");
        await ProblemAssert.FieldAsync(await CreateAsync("""{"name":"x","rules":{"all":[]}}"""), "rules");
        await ProblemAssert.FieldAsync(await CreateAsync("""{"name":"","rule":{"all":[{"field":"orders","op":"eq","value":1}]}}"""), "name");
        await ProblemAssert.FieldAsync(await _manage.GetAsync("/api/v1/segments?sort=shoe"), "sort");
        Assert.Equal(0, _app.Store.Db.Open().ExecuteScalar<long>("SELECT COUNT(*) FROM segments"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _ingest.GetAsync("/api/v1/segments")).StatusCode);
    }

    [Fact]
    public async Task The_field_catalogue_lists_every_field_and_says_propensity_has_no_source_yet()
    {
        var fields = (await JsonAsync(await _manage.GetAsync("/api/v1/segments/fields"))).EnumerateArray().ToList();
        Assert.Equal(SegmentFields.Codes, fields.Select(f => f.GetProperty("field").GetString()));
        var propensity = fields.Single(f => f.GetProperty("field").GetString() == "propensity");
        Assert.False(propensity.GetProperty("available").GetBoolean());
        Assert.Equal("course", fields[0].GetProperty("refs").GetString());
        var refused = await ProblemAssert.FieldAsync(await CreateAsync("""{"name":"x","rule":{"all":[{"field":"propensity","op":"gte","value":0.5}]}}"""),
            "rule.all[0].field");
        Assert.Contains("not available", refused[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coupon_campaign_whose_audience_is_a_segment_admits_only_its_members_at_checkout()
    {
        var segment = (await JsonAsync(await CreateAsync("""{"name":"Shanghai","rule":{"all":[{"field":"city","op":"eq","value":"Shanghai"}]}}""")))
            .GetProperty("id").GetInt64();
        await ProblemAssert.FieldAsync(await _manage.PostAsJsonAsync("/api/v1/coupon-campaigns",
            new { name = "No segment", kind = "amount_off", value = 10m, audience = "segment", status = "active" }), "audienceSegmentId");
        var campaign = await _manage.PostAsJsonAsync("/api/v1/coupon-campaigns",
            new { name = "Shanghai only", kind = "amount_off", value = 10m, audience = "segment", audienceSegmentId = segment, code = "SHONLY", status = "active" });
        Assert.Equal(HttpStatusCode.Created, campaign.StatusCode);
        var campaignId = (await JsonAsync(campaign)).GetProperty("id").GetInt64();
        var read = await JsonAsync(await _manage.GetAsync($"/api/v1/coupon-campaigns/{campaignId}"));
        Assert.Equal("segment", read.GetProperty("audience").GetString());
        Assert.Equal(segment, read.GetProperty("audienceSegmentId").GetInt64());

        async Task<JsonElement> ValidateAsync(string customer) => await JsonAsync(await _ingest.PostAsJsonAsync("/api/v1/coupons/validate",
            new { code = "SHONLY", customerExternalId = customer, courseExternalId = "py" }));
        Assert.True((await ValidateAsync("sh-1")).GetProperty("valid").GetBoolean());
        var outsider = await ValidateAsync("bj-1");
        Assert.False(outsider.GetProperty("valid").GetBoolean());
        Assert.Equal("audience_not_eligible", outsider.GetProperty("reason").GetString());
        Assert.Equal("audience_not_eligible", (await ValidateAsync("never-seen")).GetProperty("reason").GetString());

        var order = await _ingest.PostAsJsonAsync("/api/v1/orders", new
        {
            orderId = "seg-o1", customerExternalId = "sh-2", courseExternalId = "py", couponCodes = new[] { "SHONLY" }, paidAt = DateTimeOffset.UtcNow.ToString("o"),
        });
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        var refused = await _ingest.PostAsJsonAsync("/api/v1/orders", new
        {
            orderId = "seg-o2", customerExternalId = "bj-1", courseExternalId = "py", couponCodes = new[] { "SHONLY" }, paidAt = DateTimeOffset.UtcNow.ToString("o"),
        });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        // The segment is the running campaign's audience, so it cannot be deleted from under it.
        var delete = await ProblemAssert.ProblemAsync(await _manage.DeleteAsync($"/api/v1/segments/{segment}"), HttpStatusCode.Conflict);
        Assert.Equal("segment_in_use", delete.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_experiment_whose_audience_is_a_segment_assigns_only_its_members_and_exposes_no_one_else()
    {
        var segment = (await JsonAsync(await CreateAsync("""{"name":"Shanghai","rule":{"all":[{"field":"city","op":"eq","value":"Shanghai"}]}}""")))
            .GetProperty("id").GetInt64();
        var created = await _manage.PostAsJsonAsync("/api/v1/experiments", new
        {
            key = "seg-exp", name = "Shanghai test", audience = "segment", audienceSegmentId = segment, status = "running",
            variants = new[] { new { key = "control", weight = 50 }, new { key = "treatment", weight = 50 } }, metric = new { kind = "conversion" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = await JsonAsync(await _manage.GetAsync("/api/v1/experiments/seg-exp"));
        Assert.Equal("segment", read.GetProperty("audience").GetString());
        Assert.Equal(segment, read.GetProperty("audienceSegmentId").GetInt64());

        var member = await JsonAsync(await _ingest.GetAsync("/api/v1/experiments/seg-exp/assignment?customer=sh-1"));
        Assert.True(member.GetProperty("inExperiment").GetBoolean());
        var outsider = await JsonAsync(await _ingest.GetAsync("/api/v1/experiments/seg-exp/assignment?customer=bj-1"));
        Assert.False(outsider.GetProperty("inExperiment").GetBoolean());
        Assert.Equal(JsonValueKind.Null, outsider.GetProperty("variant").ValueKind);
        using var db = _app.Store.Db.Open();
        Assert.Equal(["sh-1"], db.Query<string>(
            "SELECT c.external_id FROM experiment_exposures x JOIN customers c ON c.id = x.customer_id ORDER BY c.external_id"));
    }

    [Fact]
    public async Task The_daily_size_job_run_twice_keeps_one_row_per_segment_and_day()
    {
        await CreateAsync("""{"name":"Shanghai","rule":{"all":[{"field":"city","op":"eq","value":"Shanghai"}]}}""");
        await CreateAsync("""{"name":"Opted in","rule":{"all":[{"field":"email_opt_in","op":"is","value":true}]}}""");
        var job = new Console.Jobs.Segments.RecordSegmentSizesJob(_app.Service<RecordSegmentSizes>());
        Assert.Equal(2, await job.ExecuteAsync(CancellationToken.None));
        using (var connection = _app.Store.Db.Open())
            connection.Execute("UPDATE customers SET city = 'Shanghai' WHERE external_id = 'bj-1'");
        Assert.Equal(2, await job.ExecuteAsync(CancellationToken.None));
        using var db = _app.Store.Db.Open();
        Assert.Equal(2, db.ExecuteScalar<long>("SELECT COUNT(*) FROM segment_sizes"));
        Assert.Equal(3, db.ExecuteScalar<long>("SELECT size FROM segment_sizes z JOIN segments s ON s.id = z.segment_id WHERE s.name = 'Shanghai'"));
        var list = await JsonAsync(await _manage.GetAsync("/api/v1/segments?sort=size"));
        Assert.Equal([3L, 2L], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("size").GetInt64()));
    }
}
