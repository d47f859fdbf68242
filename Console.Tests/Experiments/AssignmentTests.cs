using System.Net;
using System.Net.Http.Json;
using Console.Domain.Experiments;
using Console.Domain.Statistics;
using Console.Tests.Support;

namespace Console.Tests.Experiments;

public sealed class AssignmentTests(ExperimentsFixture f) : IClassFixture<ExperimentsFixture>
{
    private async Task<string> RunningAsync(params (string Name, object? Value)[] fields)
    {
        var key = ExperimentsFixture.NewId("asg");
        await f.CreateAsync(ExperimentsFixture.Body(key, [.. fields, ("status", "running")]));
        return key;
    }

    [Fact]
    public void Buckets_are_the_first_four_bytes_of_sha256_as_computed_by_python_hashlib()
    {
        // int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], 'big') / 2**32
        Assert.Equal(0.5724559009540826, Bucketing.Bucket("coupon-test:cust-42"), 15);
        Assert.Equal(0.19435683405026793, Bucketing.Bucket("coupon-test:variant:cust-42"), 15);
        Assert.Equal(0.23702689283527434, Bucketing.Bucket("exp:用户"), 15);
        Assert.Equal(new Bucketing.Pick(true, 0), Bucketing.Assign("coupon-test", "cust-42", 1, [20, 80]));
        Assert.Equal(new Bucketing.Pick(false, -1), Bucketing.Assign("coupon-test", "cust-42", 0.5, [20, 80]));
    }

    [Fact]
    public void A_hundred_thousand_customers_land_within_one_percent_of_the_weights_and_pass_a_chi_square_check()
    {
        int[] weights = [20, 30, 50];
        var counts = new long[3];
        for (var i = 0; i < 100_000; i++) counts[Bucketing.Assign("split-check", $"customer-{i}", 1, weights).VariantIndex]++;
        for (var v = 0; v < 3; v++) Assert.InRange(counts[v] / 100_000.0, weights[v] / 100.0 - 0.01, weights[v] / 100.0 + 0.01);
        var srm = SampleRatio.Check(counts, [20, 30, 50]);
        Assert.True(srm.PValue > 0.001, $"χ² {srm.ChiSquare:F2}, p {srm.PValue:G4}, counts {string.Join("/", counts)}");

        var inTest = Enumerable.Range(0, 100_000).Count(i => Bucketing.Assign("coverage-check", $"c{i}", 0.3, weights).InExperiment);
        Assert.InRange(inTest / 100_000.0, 0.29, 0.31);
    }

    [Fact]
    public async Task The_api_answers_the_hashed_variant_and_the_same_one_on_every_later_call()
    {
        var key = await RunningAsync(("variants", new object[]
        {
            new { key = "control", weight = 50 }, new { key = "b", weight = 50, payload = new { headline = "Learn faster" } },
        }));
        for (var i = 0; i < 40; i++)
        {
            var customer = $"sticky-{key}-{i}";
            var expected = Bucketing.Assign(key, customer, 1, [50, 50]).VariantIndex == 0 ? "control" : "b";
            var first = await f.AssignAsync(key, customer);
            Assert.Equal(expected, first.GetProperty("variant").GetString());
            Assert.True(first.GetProperty("inExperiment").GetBoolean());
            if (expected == "b") Assert.Equal("Learn faster", first.GetProperty("payload").GetProperty("headline").GetString());
            var again = await f.AssignAsync(key, customer);
            Assert.Equal(expected, again.GetProperty("variant").GetString());
            Assert.Equal(first.GetProperty("assignedAt").GetDateTimeOffset(), again.GetProperty("assignedAt").GetDateTimeOffset());
        }
        // Stickiness outlives a change of coverage: the stored assignment is answered.
        await f.Manage.PatchAsJsonAsync($"/api/v1/experiments/{key}", new { coverage = 0m });
        Assert.True((await f.AssignAsync(key, $"sticky-{key}-0")).GetProperty("inExperiment").GetBoolean());
        Assert.False((await f.AssignAsync(key, $"sticky-{key}-new")).GetProperty("inExperiment").GetBoolean());
        Assert.Equal(41, await f.ScalarAsync("SELECT COUNT(*) FROM experiment_exposures x JOIN experiments e ON e.id = x.experiment_id WHERE e.experiment_key = @key", new { key }));
    }

    [Fact]
    public async Task Fifty_parallel_first_calls_record_one_exposure_and_all_answer_alike()
    {
        var key = await RunningAsync();
        var customer = ExperimentsFixture.NewId("racer");
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => f.AssignAsync(key, customer))));
        Assert.Single(answers.Select(a => a.GetProperty("variant").GetString()).Distinct());
        Assert.Single(answers.Select(a => a.GetProperty("assignedAt").GetDateTimeOffset()).Distinct());
        Assert.Equal(1, await f.ScalarAsync(
            """
            SELECT COUNT(*) FROM experiment_exposures x JOIN experiments e ON e.id = x.experiment_id
            JOIN customers c ON c.id = x.customer_id WHERE e.experiment_key = @key AND c.external_id = @customer
            """, new { key, customer }));
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id = @customer", new { customer }));
    }

    [Fact]
    public async Task A_coupon_variant_hands_each_customer_their_own_unique_code_once_and_a_shared_code_to_all()
    {
        var (unique, codes) = await f.CouponAsync(new { name = "Unique 30", kind = "amount_off", value = 30m, generateCodes = 5, status = "active" });
        var shared = ExperimentsFixture.NewId("S").ToUpperInvariant();
        var (sharedId, _) = await f.CouponAsync(new { name = "Shared 20%", kind = "percent_off", value = 20m, code = shared, status = "active" });
        var key = await RunningAsync(("variants", new object[]
        {
            new { key = "shared", weight = 50, couponCampaignId = sharedId }, new { key = "unique", weight = 50, couponCampaignId = unique },
        }));
        var handed = new List<string>();
        for (var i = 0; handed.Count < 3 || i < 6; i++)
        {
            var customer = $"coder-{key}-{i}";
            var a = await f.AssignAsync(key, customer);
            var code = a.GetProperty("couponCode").GetString()!;
            if (a.GetProperty("variant").GetString() == "unique")
            {
                Assert.Contains(code, codes);
                Assert.Equal(unique, a.GetProperty("couponCampaignId").GetInt64());
                handed.Add(code);
            }
            else Assert.Equal(shared, code);
            Assert.Equal(code, (await f.AssignAsync(key, customer)).GetProperty("couponCode").GetString());
        }
        Assert.Equal(handed.Count, handed.Distinct().Count());
    }

    [Fact]
    public async Task Unknown_draft_and_customerless_calls_are_refused_and_the_list_holds_every_running_experiment()
    {
        var missing = await f.Ingest.GetAsync("/api/v1/experiments/none-such/assignment?customer=a");
        Assert.Equal("experiment_not_found", (await ProblemAssert.ProblemAsync(missing, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        var draft = ExperimentsFixture.NewId("draft");
        await f.CreateAsync(ExperimentsFixture.Body(draft));
        var notRunning = await f.Ingest.GetAsync($"/api/v1/experiments/{draft}/assignment?customer=a");
        Assert.Equal("experiment_not_running", (await ProblemAssert.ProblemAsync(notRunning, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var running = await RunningAsync();
        await ProblemAssert.FieldAsync(await f.Ingest.GetAsync($"/api/v1/experiments/{running}/assignment"), "customer", "Required.");

        var list = await ExperimentsFixture.JsonAsync(await f.Ingest.GetAsync("/api/v1/assignments?customer=lister"));
        var keys = list.EnumerateArray().Select(a => a.GetProperty("experiment").GetString()).ToList();
        Assert.Contains(running, keys);
        Assert.DoesNotContain(draft, keys);
    }

    [Fact]
    public async Task A_node_that_keeps_a_definition_sees_another_nodes_change_at_once_even_on_a_clock_that_stands_still()
    {
        // Two nodes on one store, both on a clock that does not move: a kept definition must follow the stored revision.
        var clock = new Console.Tests.Admin.ManualClock(DateTimeOffset.UtcNow);
        var key = ExperimentsFixture.NewId("node");
        await f.CreateAsync(ExperimentsFixture.Body(key));
        var (serving, editing) = (Node(), Node());
        Assert.IsType<AssignVariant.Outcome.NotRunning>(await serving.Assign.ExecuteAsync(key, "n-1"));

        Assert.IsType<UpdateExperiment.Outcome.Updated>(await editing.Update.ExecuteAsync(key, new ExperimentInput(Status: "running"), "test"));
        Assert.IsType<AssignVariant.Outcome.Assigned>(await serving.Assign.ExecuteAsync(key, "n-1"));
        Assert.IsType<UpdateExperiment.Outcome.Updated>(await editing.Update.ExecuteAsync(key, new ExperimentInput(Coverage: 0m), "test"));
        var outside = Assert.IsType<AssignVariant.Outcome.Assigned>(await serving.Assign.ExecuteAsync(key, "n-2"));
        Assert.False(outside.Assignment.InExperiment);
        Assert.IsType<UpdateExperiment.Outcome.Updated>(await editing.Update.ExecuteAsync(key, new ExperimentInput(Status: "stopped"), "test"));
        Assert.IsType<AssignVariant.Outcome.NotRunning>(await serving.Assign.ExecuteAsync(key, "n-1"));

        (AssignVariant Assign, UpdateExperiment Update) Node()
        {
            var runner = new Console.Domain.Data.StatementRunner(f.Db, new Console.Domain.Data.WriteGate(f.Db));
            return (new AssignVariant(runner, clock), new UpdateExperiment(runner, clock));
        }
    }

    [Fact]
    public async Task A_customer_id_with_control_or_replacement_characters_is_a_field_error_and_records_no_exposure()
    {
        var running = await RunningAsync();
        foreach (var customer in new[] { "a%00b", "line%0Abreak", "%EF%BF%BD" })
        {
            await ProblemAssert.FieldAsync(await f.Ingest.GetAsync($"/api/v1/experiments/{running}/assignment?customer={customer}"), "customer");
            await ProblemAssert.FieldAsync(await f.Ingest.GetAsync($"/api/v1/assignments?customer={customer}"), "customer");
        }
        // A percent sign that starts no UTF-8 sequence stays the literal text "%FF", an ordinary id.
        Assert.Equal(running, (await f.AssignAsync(running, "%FF")).GetProperty("experiment").GetString());
    }
}
