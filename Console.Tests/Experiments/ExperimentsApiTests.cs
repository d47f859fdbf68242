using System.Net;
using System.Net.Http.Json;
using Console.Tests.Support;

namespace Console.Tests.Experiments;

public sealed class ExperimentsApiTests(ExperimentsFixture f) : IClassFixture<ExperimentsFixture>
{
    [Fact]
    public async Task An_experiment_is_created_read_back_and_audited()
    {
        var key = ExperimentsFixture.NewId("exp");
        await f.CreateAsync(ExperimentsFixture.Body(key, ("hypothesis", "Thirty off sells more."), ("coverage", 0.8m),
            ("metric", new { kind = "revenue_per_user", courseExternalIds = new[] { ExperimentsFixture.Course } }),
            ("guardrails", new[] { "refund_rate", "average_order_value" }), ("endsAt", "2030-01-01T00:00:00+08:00"),
            ("variants", new object[] { new { key = "control", weight = 30 }, new { key = "b", weight = 70, payload = new { banner = "红色" } } })));

        var e = await ExperimentsFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/experiments/{key}"));
        Assert.Equal("draft", e.GetProperty("status").GetString());
        Assert.Equal(0.8, e.GetProperty("coverage").GetDouble(), 6);
        Assert.Equal("revenue_per_user", e.GetProperty("metric").GetProperty("kind").GetString());
        Assert.Equal([ExperimentsFixture.Course], e.GetProperty("metric").GetProperty("courseExternalIds").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["refund_rate", "average_order_value"], e.GetProperty("guardrails").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([30, 70], e.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("weight").GetInt32()));
        Assert.Equal("红色", e.GetProperty("variants")[1].GetProperty("payload").GetProperty("banner").GetString());
        Assert.Equal(new DateTimeOffset(2029, 12, 31, 16, 0, 0, TimeSpan.Zero), e.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'experiment.create' AND entity_id = @key", new { key }));
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_unknown_fields_and_bad_values_are_400_per_field()
    {
        var key = ExperimentsFixture.NewId("bad");
        var response = await f.Manage.PostAsJsonAsync("/api/v1/experiments", ExperimentsFixture.Body(key,
            ("variants", new object[] { new { key = "a", weight = 50 }, new { key = "a", weight = 40 } }), ("coverage", 1.5m),
            ("metric", new { kind = "event" }), ("guardrails", new[] { "bounce" })));
        var problem = await ProblemAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("The weights must add up to 100; they add up to 90.", errors.GetProperty("variants")[0].GetString());
        Assert.Equal("weights_sum", problem.GetProperty("codes").GetProperty("variants")[0].GetString());
        Assert.Equal("key_taken", problem.GetProperty("codes").GetProperty("variants[1].key")[0].GetString());
        Assert.True(errors.TryGetProperty("coverage", out _));
        Assert.True(errors.TryGetProperty("metric.eventType", out _));
        Assert.True(errors.TryGetProperty("guardrails", out _));
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM experiments WHERE experiment_key = @key", new { key }));

        await ProblemAssert.FieldAsync(await f.Manage.PostJsonAsync("/api/v1/experiments",
            $$"""{ "key": "{{key}}", "name": "x", "variant": [], "metric": { "kind": "conversion" } }"""), "variant");
        await ProblemAssert.FieldAsync(await f.Manage.PostJsonAsync("/api/v1/experiments",
            $$"""{ "key": "{{key}}", "name": "x", "variants": [{ "key": "a", "weight": 50, "coupon": 1 }], "metric": { "kind": "conversion" } }"""),
            "variants.coupon");
        await ProblemAssert.FieldAsync(await f.Manage.PostJsonAsync("/api/v1/experiments",
            $$"""{ "key": "{{key}}", "name": "x", "variants": [{ "key": "a", "weight": 50, "couponCampaignId": 999999 }, { "key": "b", "weight": 50 }], "metric": { "kind": "conversion" } }"""),
            "variants[0].couponCampaignId", "No campaign 999999.");
    }

    [Fact]
    public async Task Once_running_the_weights_are_frozen_and_the_status_only_moves_forward()
    {
        var key = ExperimentsFixture.NewId("run");
        await f.CreateAsync(ExperimentsFixture.Body(key));
        var patch = await f.Manage.PatchAsJsonAsync($"/api/v1/experiments/{key}",
            new { variants = new object[] { new { key = "control", weight = 20 }, new { key = "treatment", weight = 80 } } });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await f.Manage.PatchAsJsonAsync($"/api/v1/experiments/{key}", new { status = "running" })).StatusCode);
        var refused = await f.Manage.PatchAsJsonAsync($"/api/v1/experiments/{key}",
            new { variants = new object[] { new { key = "control", weight = 50 }, new { key = "treatment", weight = 50 } } });
        var problem = await ProblemAssert.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("experiment_running", problem.GetProperty("code").GetString());

        var widened = await ExperimentsFixture.JsonAsync(await f.Manage.PatchAsJsonAsync($"/api/v1/experiments/{key}",
            new { coverage = 0.5m, endsAt = "2031-01-01T00:00:00Z" }));
        Assert.Equal(0.5, widened.GetProperty("coverage").GetDouble(), 6);
        Assert.Equal([20, 80], widened.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("weight").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await f.Manage.PatchAsJsonAsync($"/api/v1/experiments/{key}", new { status = "stopped" })).StatusCode);
        var back = await f.Manage.PatchAsJsonAsync($"/api/v1/experiments/{key}", new { status = "running" });
        Assert.Equal("status_change", (await ProblemAssert.ProblemAsync(back, HttpStatusCode.BadRequest)).GetProperty("codes").GetProperty("status")[0].GetString());
        var missing = await f.Manage.PatchAsJsonAsync("/api/v1/experiments/no-such-key", new { status = "running" });
        Assert.Equal("experiment_not_found", (await ProblemAssert.ProblemAsync(missing, HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Defining_experiments_needs_a_manage_key()
    {
        var response = await f.Ingest.PostAsJsonAsync("/api/v1/experiments", ExperimentsFixture.Body(ExperimentsFixture.NewId("ingest")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
