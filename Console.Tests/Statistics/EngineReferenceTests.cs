using System.Text.Json;
using Console.Domain.Statistics;
using Console.Web.Api;
using static Console.Tests.Statistics.ReferenceData;

namespace Console.Tests.Statistics;

/// <summary>The engine itself against the scipy/statsmodels reference, case by case, edge cases and refusals included.</summary>
public sealed class EngineReferenceTests
{
    public static TheoryData<string> ProportionCases => Names("proportions");
    public static TheoryData<string> MeanCases => Names("means");
    public static TheoryData<string> SequentialProportionCases => Names("sequentialProportions");
    public static TheoryData<string> SequentialMeanCases => Names("sequentialMeans");
    public static TheoryData<string> SrmCases => Names("srm");
    public static TheoryData<string> SampleSizeCases => Names("sampleSize");
    public static TheoryData<string> CupedCases => Names("cuped");

    private static ProportionArm Proportion(JsonElement arm) =>
        new(arm.GetProperty("n").GetInt64(), arm.GetProperty("conversions").GetInt64());

    private static MeanArm Mean(JsonElement arm, string name) => arm.TryGetProperty("sum", out var sum)
        ? MeanArm.FromSums(arm.GetProperty("n").GetInt64(), sum.GetDouble(), arm.GetProperty("sumSquares").GetDouble(), name)
        : new MeanArm(arm.GetProperty("n").GetInt64(), arm.GetProperty("mean").GetDouble(), arm.GetProperty("sd").GetDouble());

    /// <summary>Either the answer matches the reference, or the engine refuses the field and code the reference names.</summary>
    private static void Check(JsonElement c, Func<object> compute)
    {
        var name = c.GetProperty("name").GetString()!;
        if (c.TryGetProperty("error", out var error))
        {
            var refused = Assert.Throws<StatisticsInputException>(() => compute());
            Assert.Equal(error.GetProperty("field").GetString(), refused.Field);
            Assert.Equal(error.GetProperty("code").GetString(), refused.Code);
            return;
        }
        Matches(c.GetProperty("expected"), ToJson(compute()), name);
    }

    [Theory, MemberData(nameof(ProportionCases))]
    public void Proportions_match_the_reference(string name)
    {
        var c = Case("proportions", name);
        Check(c, () => StatisticsApi.Answer(Proportions.Compare(
            Proportion(c.GetProperty("control")), Proportion(c.GetProperty("treatment")), c.GetProperty("alpha").GetDouble())));
    }

    [Theory, MemberData(nameof(MeanCases))]
    public void Means_match_the_reference(string name)
    {
        var c = Case("means", name);
        Check(c, () => StatisticsApi.Answer(Means.Compare(
            Mean(c.GetProperty("control"), "control"), Mean(c.GetProperty("treatment"), "treatment"), c.GetProperty("alpha").GetDouble())));
    }

    [Theory, MemberData(nameof(SequentialProportionCases))]
    public void Sequential_proportions_match_the_reference(string name)
    {
        var c = Case("sequentialProportions", name);
        Check(c, () => StatisticsApi.Answer(Sequential.Proportions(Proportion(c.GetProperty("control")), Proportion(c.GetProperty("treatment")),
            c.GetProperty("alpha").GetDouble(), c.GetProperty("tuning").GetDouble())));
    }

    [Theory, MemberData(nameof(SequentialMeanCases))]
    public void Sequential_means_match_the_reference(string name)
    {
        var c = Case("sequentialMeans", name);
        Check(c, () => StatisticsApi.Answer(Sequential.Means(Mean(c.GetProperty("control"), "control"), Mean(c.GetProperty("treatment"), "treatment"),
            c.GetProperty("alpha").GetDouble(), c.GetProperty("tuning").GetDouble())));
    }

    [Theory, MemberData(nameof(SrmCases))]
    public void Sample_ratio_checks_match_the_reference(string name)
    {
        var c = Case("srm", name);
        Check(c, () => SampleRatio.Check(
            [.. c.GetProperty("observed").EnumerateArray().Select(o => o.GetInt64())],
            [.. c.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble())]));
    }

    [Theory, MemberData(nameof(SampleSizeCases))]
    public void Sample_sizes_match_the_reference_exactly(string name)
    {
        var c = Case("sampleSize", name);
        Func<SampleSizeResult> compute = () => SampleSize.ForProportions(c.GetProperty("baseline").GetDouble(), c.GetProperty("mde").GetDouble(),
            c.GetProperty("mdeKind").GetString() == "relative", c.GetProperty("alpha").GetDouble(), c.GetProperty("power").GetDouble(),
            c.GetProperty("variants").GetInt32());
        Check(c, compute);
        if (!c.TryGetProperty("error", out _))
        {
            // Rounded up to whole users: equality, not closeness.
            var result = compute();
            Assert.Equal(c.GetProperty("expected").GetProperty("perVariant").GetInt64(), result.PerVariant);
            Assert.Equal(c.GetProperty("expected").GetProperty("total").GetInt64(), result.Total);
        }
    }

    [Theory, MemberData(nameof(CupedCases))]
    public void Cuped_adjusts_with_the_pooled_theta_of_the_reference(string name)
    {
        var c = Case("cuped", name);
        var arms = c.GetProperty("arms").EnumerateArray().Select(a => new CupedArm(a.GetProperty("n").GetInt64(), a.GetProperty("sumY").GetDouble(),
            a.GetProperty("sumY2").GetDouble(), a.GetProperty("sumX").GetDouble(), a.GetProperty("sumX2").GetDouble(),
            a.GetProperty("sumXY").GetDouble())).ToList();
        var result = Cuped.Adjust(arms);
        var expected = c.GetProperty("expected");
        Matches(expected.GetProperty("theta"), ToJson(result.Theta), name + ".theta");
        Matches(expected.GetProperty("arms"), ToJson(result.Arms), name + ".arms");
        Matches(expected.GetProperty("means"), ToJson(StatisticsApi.Answer(Means.Compare(result.Arms[0], result.Arms[1]))), name + ".means");
        // Adjusting by a covariate that predicts the metric narrows the spread of every arm.
        var raw = c.GetProperty("arms").EnumerateArray()
            .Select(a => MeanArm.FromSums(a.GetProperty("n").GetInt64(), a.GetProperty("sumY").GetDouble(), a.GetProperty("sumY2").GetDouble()));
        Assert.All(raw.Zip(result.Arms), pair => Assert.True(pair.Second.Sd < pair.First.Sd, $"{pair.Second.Sd} ≥ {pair.First.Sd}"));
    }

    [Fact]
    public void The_reference_covers_the_edge_cases_the_contract_names()
    {
        Assert.Contains(Cases("proportions"), c => c.GetProperty("treatment").GetProperty("conversions").GetInt64() == 0 && c.TryGetProperty("expected", out _));
        Assert.Contains(Cases("proportions"), c => c.GetProperty("control").GetRawText() == c.GetProperty("treatment").GetRawText());
        Assert.Contains(Cases("proportions"), c => c.GetProperty("control").GetProperty("n").GetInt64() == 1);
        Assert.Contains(Cases("means"), c => c.TryGetProperty("error", out var e) && e.GetProperty("code").GetString() == "control_mean_zero");
        Assert.Contains(Cases("means"), c => c.TryGetProperty("error", out var e) && e.GetProperty("field").GetString() == "control.n");
    }
}
