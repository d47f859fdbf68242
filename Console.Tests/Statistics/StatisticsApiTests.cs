using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Console.Domain.Admin;
using Console.Tests.Support;
using static Console.Tests.Statistics.ReferenceData;

namespace Console.Tests.Statistics;

public sealed class StatisticsApiFixture : IAsyncLifetime
{
    public ConsoleApp App { get; } = new();
    public HttpClient Ingest { get; private set; } = null!;
    public HttpClient Manage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ingest = await App.ClientWithKeyAsync(ApiKeyScope.Ingest);
        Manage = await App.ClientWithKeyAsync(ApiKeyScope.Manage);
    }

    public Task DisposeAsync()
    {
        Ingest.Dispose();
        Manage.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The statistics endpoints through the real pipeline: every reference case as a client would send it, and the refusals.</summary>
public sealed class StatisticsApiTests(StatisticsApiFixture f) : IClassFixture<StatisticsApiFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>Field → codes of a 400, after checking it is a problem document that names each field in English too.</summary>
    private static async Task<Dictionary<string, string[]>> CodesAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var codes = problem.GetProperty("codes").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(c => c.GetString()!).ToArray());
        foreach (var field in codes.Keys)
            Assert.True(problem.GetProperty("errors").GetProperty(field).EnumerateArray().All(m => m.GetString()!.EndsWith('.')), problem.ToString());
        return codes;
    }

    [Theory]
    [InlineData("proportions", "proportions")]
    [InlineData("means", "means")]
    [InlineData("sequentialProportions", "sequential")]
    [InlineData("sequentialMeans", "sequential")]
    [InlineData("srm", "srm")]
    [InlineData("sampleSize", "sample-size")]
    public async Task Every_reference_case_is_answered_as_the_reference_says(string group, string path)
    {
        foreach (var c in Cases(group))
        {
            var name = c.GetProperty("name").GetString()!;
            using var response = await f.Ingest.PostAsJsonAsync($"/api/v1/stats/{path}", Body(c));
            if (c.TryGetProperty("error", out var error))
            {
                var codes = await CodesAsync(response);
                var field = error.GetProperty("field").GetString()!;
                Assert.True(codes.TryGetValue(field, out var got), $"{name}: no {field} in {string.Join(", ", codes.Keys)}");
                Assert.Contains(error.GetProperty("code").GetString(), got);
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Matches(c.GetProperty("expected"), await JsonAsync(response), name);
        }
    }

    [Fact]
    public async Task Defaults_are_alpha_005_tuning_5000_power_08_two_variants_and_a_relative_mde()
    {
        var c = Case("proportions", "typical");
        var body = Body(c);
        body.Remove("alpha");
        Matches(c.GetProperty("expected"), await JsonAsync(await f.Ingest.PostAsJsonAsync("/api/v1/stats/proportions", body)), "no alpha");

        var s = Case("sequentialProportions", "typical");
        var sequential = Body(s);
        sequential.Remove("alpha");
        sequential.Remove("tuning");
        Matches(s.GetProperty("expected"), await JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/stats/sequential", sequential)), "no tuning");

        var size = Case("sampleSize", "relative ten percent");
        var answer = await JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/stats/sample-size", new { baseline = 0.10, mde = 0.10, trafficPerDay = 1000 }));
        Matches(size.GetProperty("expected"), answer, "defaults");
        // 28,626 users at 1,000 a day: 29 days, the last one partly.
        Assert.Equal(29, answer.GetProperty("days").GetInt64());
        var noTraffic = await JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/stats/sample-size", new { baseline = 0.10, mde = 0.10 }));
        Assert.Equal(JsonValueKind.Null, noTraffic.GetProperty("days").ValueKind);
    }

    [Fact]
    public async Task Means_accept_sums_and_name_the_sum_when_the_control_mean_is_0()
    {
        var sums = await f.Ingest.PostAsJsonAsync("/api/v1/stats/means",
            new { control = new { n = 10, sum = 0.0, sumSquares = 40.0 }, treatment = new { n = 10, mean = 1.0, sd = 2.0 } });
        var codes = await CodesAsync(sums);
        Assert.Equal(["control_mean_zero"], codes["control.sum"]);

        var both = await f.Ingest.PostAsJsonAsync("/api/v1/stats/means",
            new { control = new { n = 10, mean = 1.0, sd = 1.0, sum = 10.0 }, treatment = new { n = 10, sd = 2.0 } });
        codes = await CodesAsync(both);
        Assert.Equal(["mean_or_sums"], codes["control"]);
        Assert.Equal(["required"], codes["treatment.mean"]);
    }

    [Fact]
    public async Task Required_fields_are_named_together()
    {
        var codes = await CodesAsync(await f.Ingest.PostAsJsonAsync("/api/v1/stats/proportions", new { control = new { n = 10 } }));
        Assert.Equal(["required"], codes["control.conversions"]);
        Assert.Equal(["required"], codes["treatment"]);
        codes = await CodesAsync(await f.Ingest.PostAsJsonAsync("/api/v1/stats/srm", new { }));
        Assert.Equal(["observed", "weights"], codes.Keys.Order());
        codes = await CodesAsync(await f.Ingest.PostAsJsonAsync("/api/v1/stats/sample-size", new { mdeKind = "percent" }));
        Assert.Equal(["baseline", "mde", "mdeKind"], codes.Keys.Order());
        Assert.Equal(["one_of"], codes["mdeKind"]);
    }

    [Fact]
    public async Task Sequential_arms_must_both_be_proportions_or_both_means()
    {
        var codes = await CodesAsync(await f.Ingest.PostAsJsonAsync("/api/v1/stats/sequential",
            new { control = new { n = 100, conversions = 5 }, treatment = new { n = 100, mean = 2.0, sd = 1.0 } }));
        Assert.Equal(["arm_kinds"], codes["treatment"]);
        codes = await CodesAsync(await f.Ingest.PostAsJsonAsync("/api/v1/stats/sequential",
            new { control = new { n = 100, conversions = 5, mean = 1.0 }, treatment = new { n = 100, conversions = 6 } }));
        Assert.Equal(["arm_kinds"], codes["control"]);
    }

    [Fact]
    public async Task Out_of_range_settings_are_field_errors_never_nan()
    {
        var arms = new { n = 100, conversions = 5 };
        var cases = new (string Path, object Body, string Field, string Code)[]
        {
            ("proportions", new { control = arms, treatment = arms, alpha = 0.0 }, "alpha", "between"),
            ("proportions", new { control = arms, treatment = arms, alpha = 1e-300 }, "alpha", "between"),
            ("sequential", new { control = arms, treatment = arms, tuning = -1.0 }, "tuning", "between"),
            ("means", new { control = new { n = 5, mean = 1e300, sd = 1.0 }, treatment = new { n = 5, mean = 1.0, sd = 1.0 } }, "control.mean", "too_large"),
            ("means", new { control = new { n = 5, mean = 1e-200, sd = 1.0 }, treatment = new { n = 5, mean = 1.0, sd = 1.0 } }, "control.mean", "control_mean_zero"),
            ("srm", new { observed = new[] { 10L, 10L }, weights = new[] { 50.0, -50.0, 100.0 } }, "weights", "weights_mismatch"),
            ("srm", new { observed = new[] { 10L, 10L }, weights = new[] { 1e-12, 100.0 } }, "weights", "weight_not_positive"),
            ("srm", new { observed = new[] { long.MaxValue, long.MaxValue }, weights = new[] { 50.0, 50.0 } }, "", ""),
            ("sample-size", new { baseline = 0.1, mde = 1e-9, mdeKind = "absolute" }, "mde", "effect_too_small"),
            ("sample-size", new { baseline = 0.1, mde = 0.1, variants = 1 }, "variants", "between"),
            ("sample-size", new { baseline = 0.1, mde = 0.1, trafficPerDay = 0 }, "trafficPerDay", "at_least"),
            ("proportions", new { control = new { n = long.MaxValue, conversions = long.MaxValue - 1 }, treatment = arms }, "", ""),
        };
        foreach (var (path, body, field, code) in cases)
        {
            using var response = await f.Ingest.PostAsJsonAsync($"/api/v1/stats/{path}", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("NaN", text, StringComparison.OrdinalIgnoreCase);
            if (field.Length == 0)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {text}");
                continue;
            }
            var codes = await CodesAsync(response);
            Assert.True(codes.TryGetValue(field, out var got) && got.Contains(code), $"{path} {field}: {text}");
        }
    }

    [Fact]
    public async Task Unknown_fields_and_wrong_types_are_refused_by_name()
    {
        var unknown = await f.Ingest.PostAsJsonAsync("/api/v1/stats/proportions",
            new { control = new { n = 10, conversion = 1 }, treatment = new { n = 10, conversions = 2 } });
        await ProblemAssert.FieldAsync(unknown, "control.conversion", "Unknown field; did you mean 'conversions'?");
        var meanInProportions = await f.Ingest.PostAsJsonAsync("/api/v1/stats/proportions",
            new { control = new { n = 10, conversions = 1, mean = 0.1 }, treatment = new { n = 10, conversions = 2 } });
        await ProblemAssert.FieldAsync(meanInProportions, "control.mean");
        var text = await f.Ingest.PostAsync("/api/v1/stats/means",
            ProblemAssert.Json("""{ "control": { "n": 10, "mean": "1.5", "sd": 1 }, "treatment": { "n": 10, "mean": 2, "sd": 1 } }"""));
        await ProblemAssert.FieldAsync(text, "control.mean");
        var fraction = await f.Ingest.PostAsync("/api/v1/stats/proportions",
            ProblemAssert.Json("""{ "control": { "n": 10.5, "conversions": 1 }, "treatment": { "n": 10, "conversions": 2 } }"""));
        await ProblemAssert.FieldAsync(fraction, "control.n", "Must be a whole number.");
        var huge = await f.Ingest.PostAsync("/api/v1/stats/sample-size", ProblemAssert.Json("""{ "baseline": 1e999, "mde": 0.1 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task A_key_is_needed_and_either_scope_will_do()
    {
        var body = Body(Case("srm", "balanced"));
        using var anonymous = f.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/stats/srm", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Ingest.PostAsJsonAsync("/api/v1/stats/srm", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Manage.PostAsJsonAsync("/api/v1/stats/srm", body)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_statistics_operation_and_field()
    {
        var document = await JsonAsync(await f.App.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "proportions", "means", "sequential", "srm", "sample-size" })
        {
            var post = paths.GetProperty($"/api/v1/stats/{path}").GetProperty("post");
            Assert.Contains("Statistics", post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Contains("control_mean_zero", post.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.True(post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), path);
            Assert.True(post.GetProperty("responses").TryGetProperty("200", out _), path);
        }
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var names = schemas.EnumerateObject().Select(s => s.Name).Where(n => n.StartsWith("Statistics", StringComparison.Ordinal) && n.EndsWith("Input", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, names.Count);
        foreach (var name in names)
        foreach (var field in schemas.GetProperty(name).GetProperty("properties").EnumerateObject())
            Assert.True(field.Value.TryGetProperty("description", out _), $"{name}.{field.Name} has no description");
        Assert.Equal(["baseline", "mde"], schemas.GetProperty("StatisticsSampleSizeInput").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }
}
