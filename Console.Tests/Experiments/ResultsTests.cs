using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Experiments;

namespace Console.Tests.Experiments;

/// <summary>Results from real orders through the HTTP API: after exposure only, net of the discount and the refunds.</summary>
public sealed class ResultsTests(ExperimentsFixture f) : IClassFixture<ExperimentsFixture>
{
    private async Task<JsonElement> ResultsAsync(string key)
    {
        await f.App.Service<RefreshExperimentResults>().RunAsync();
        var response = await f.Manage.GetAsync($"/api/v1/experiments/{key}/results");
        var json = await ExperimentsFixture.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    private static JsonElement Variant(JsonElement results, string key) =>
        results.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("key").GetString() == key);

    [Fact]
    public async Task A_coupon_variant_runs_end_to_end_and_its_revenue_is_what_the_seller_kept()
    {
        var (campaign, codes) = await f.CouponAsync(new { name = "30 off, one each", kind = "amount_off", value = 30m, generateCodes = 40, status = "active" });
        var key = ExperimentsFixture.NewId("e2e");
        await f.CreateAsync(ExperimentsFixture.Body(key, ("status", "running"), ("guardrails", new[] { "refund_rate", "average_order_value" }),
            ("metric", new { kind = "revenue_per_user", courseExternalIds = new[] { ExperimentsFixture.Course } }),
            ("variants", new object[] { new { key = "control", weight = 50 }, new { key = "thirty", weight = 50, couponCampaignId = campaign } })));
        Assert.Null((await ExperimentsFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/experiments/{key}/results")))
            .GetProperty("computedAt").GetString());

        // A purchase two days before the customer's exposure is the pre-period, never the result.
        var early = $"early-{key}";
        var before = await f.Ingest.PostAsJsonAsync("/api/v1/orders", new { orderId = ExperimentsFixture.NewId("o"), customerExternalId = early,
            courseExternalId = ExperimentsFixture.Course, paidAt = DateTimeOffset.UtcNow.AddDays(-2).ToString("yyyy-MM-ddTHH:mm:ssZ") });
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);

        var users = new Dictionary<string, int> { ["control"] = 0, ["thirty"] = 0 };
        var buyers = new Dictionary<string, int> { ["control"] = 0, ["thirty"] = 0 };
        string? refundable = null;
        foreach (var customer in Enumerable.Range(0, 16).Select(i => $"buyer-{key}-{i}").Prepend(early))
        {
            var a = await f.AssignAsync(key, customer);
            var variant = a.GetProperty("variant").GetString()!;
            users[variant]++;
            if (customer == early || users[variant] % 2 == 0) continue;
            var code = a.GetProperty("couponCode").GetString();
            Assert.Equal(variant == "thirty", code is not null);
            if (code is not null) Assert.Contains(code, codes);
            var orderId = ExperimentsFixture.NewId("o");
            var order = await f.Ingest.PostAsJsonAsync("/api/v1/orders", new { orderId, customerExternalId = customer,
                courseExternalId = ExperimentsFixture.Course, couponCodes = code is null ? Array.Empty<string>() : [code] });
            var placed = await ExperimentsFixture.JsonAsync(order);
            Assert.True(order.StatusCode == HttpStatusCode.Created, placed.ToString());
            Assert.Equal(variant == "thirty" ? 169m : 199m, placed.GetProperty("payable").GetDecimal());
            buyers[variant]++;
            if (variant == "thirty") refundable ??= orderId;
        }
        Assert.True(buyers["thirty"] > 0 && buyers["control"] > 0, $"buyers {buyers["control"]}/{buyers["thirty"]}");
        var refund = await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{refundable}/refund", new { amount = 69m, reason = "changed mind" });
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);

        var results = await ResultsAsync(key);
        Assert.Equal(key, results.GetProperty("experiment").GetString());
        var thirty = Variant(results, "thirty");
        var control = Variant(results, "control");
        Assert.Equal(users["thirty"], thirty.GetProperty("users").GetInt64());
        Assert.Equal(users["control"], control.GetProperty("users").GetInt64());
        Assert.Equal(buyers["thirty"], thirty.GetProperty("orders").GetInt64());
        Assert.Equal(buyers["thirty"] * 169.0 - 69.0, thirty.GetProperty("revenue").GetDouble(), 6);
        Assert.Equal(buyers["control"] * 199.0, control.GetProperty("revenue").GetDouble(), 6);
        Assert.Equal((buyers["thirty"] * 169.0 - 69.0) / users["thirty"], thirty.GetProperty("mean").GetDouble(), 6);
        Assert.Equal(buyers["thirty"], thirty.GetProperty("conversions").GetInt64());
        var effect = thirty.GetProperty("effect");
        Assert.Equal(thirty.GetProperty("mean").GetDouble() - control.GetProperty("mean").GetDouble(),
            effect.GetProperty("absolute").GetProperty("value").GetDouble(), 6);
        Assert.InRange(effect.GetProperty("chanceToWin").GetDouble(), 0, 1);
        Assert.True(thirty.GetProperty("sequential").GetProperty("pValue").GetDouble() >= effect.GetProperty("pValue").GetDouble() - 1e-9);
        Assert.Equal(["refund_rate", "average_order_value"], thirty.GetProperty("guardrails").EnumerateArray().Select(g => g.GetProperty("kind").GetString()));
        Assert.Equal(1.0 / buyers["thirty"], thirty.GetProperty("guardrails")[0].GetProperty("treatment").GetDouble(), 6);
        Assert.Equal(169.0, thirty.GetProperty("guardrails")[1].GetProperty("treatment").GetDouble(), 6);
        Assert.True(results.GetProperty("srm").GetProperty("pValue").GetDouble() > 0);
        Assert.NotEmpty(results.GetProperty("daily").EnumerateArray());

        // Twice in one hour replaces that hour's snapshot rather than adding one.
        await ResultsAsync(key);
        Assert.Equal(1, await f.ScalarAsync(
            "SELECT COUNT(*) FROM experiment_snapshots s JOIN experiments e ON e.id = s.experiment_id WHERE e.experiment_key = @key", new { key }));
    }

    [Fact]
    public async Task A_planted_sample_ratio_mismatch_is_flagged_below_one_in_a_thousand()
    {
        var key = ExperimentsFixture.NewId("srm");
        var id = await f.CreateAsync(ExperimentsFixture.Body(key, ("status", "running")));
        await f.ExecuteAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
            INSERT INTO customers (external_id, created_at, updated_at) SELECT @key || '-' || i, datetime('now'), datetime('now') FROM n;
            INSERT INTO experiment_exposures (experiment_id, customer_id, variant_id, exposed_at)
            SELECT @id, c.id, (SELECT v.id FROM experiment_variants v WHERE v.experiment_id = @id
                               AND v.position = CASE WHEN CAST(substr(c.external_id, length(@key) + 2) AS INTEGER) < 600 THEN 0 ELSE 1 END),
                   datetime('now', '-1 hour')
            FROM customers c WHERE c.external_id LIKE @key || '-%';
            """, new { key, id });
        var srm = (await ResultsAsync(key)).GetProperty("srm");
        Assert.True(srm.GetProperty("mismatch").GetBoolean());
        Assert.Equal(40.0, srm.GetProperty("chiSquare").GetDouble(), 6);
        Assert.True(srm.GetProperty("pValue").GetDouble() < ResultsCalculator.SrmThreshold);
    }
}
