using Console.Domain.Data;
using Console.Domain.Statistics;

namespace Console.Web.Api;

/// <summary>
/// Pure computations over the numbers sent (API.md "Statistics"): the same engine the experiment results use. Nothing is
/// stored; an ingest or a manage key may call them.
/// </summary>
internal static class StatisticsApi
{
    private const string Codes = "Field error codes: required, between, one_of, at_least and " + StatisticsCodesList + ".";
    private const string StatisticsCodesList = "negative_count, conversions_above_n, control_mean_zero, too_few_observations, negative_spread, "
        + "no_variance, too_large, mean_or_sums, arm_kinds, weights_mismatch, weights_sum, weight_not_positive, too_few_arms, out_of_range, "
        + "target_rate_out_of_range, zero_effect, effect_too_small, not_finite";

    public static void Map(RouteGroupBuilder v1)
    {
        var stats = v1.MapGroup("/stats").RequireAuthorization(ApiKeyAuthentication.IngestPolicy).WithTags("Statistics");
        stats.MapPost("/proportions", ProportionsAsync).Accepts<ProportionsInput>("application/json").Produces<ProportionsAnswer>()
            .WithDescription(Codes)
            .Documented("CompareProportions", "Two conversion rates: pooled z test, Wald interval, relative effect, chance to win and risk.",
                new ProportionsInput(new ProportionArmInput(10000, 1000), new ProportionArmInput(10000, 1100), 0.05));
        stats.MapPost("/means", MeansAsync).Accepts<MeansInput>("application/json").Produces<MeansAnswer>()
            .WithDescription(Codes)
            .Documented("CompareMeans", "Two means (e.g. revenue per user): Welch's t test, intervals, relative effect, chance to win and risk.",
                new MeansInput(new MeanArmInput(1000, 50.0, 20.0), new MeanArmInput(1000, Sum: 52000.0, SumSquares: 3144000.0), 0.05));
        stats.MapPost("/sequential", SequentialAsync).Accepts<SequentialInput>("application/json").Produces<SequentialAnswer>()
            .WithDescription(Codes)
            .Documented("CompareSequential", "The always-valid p-value and intervals, for tests read every day.",
                new SequentialInput(new SequentialArmInput(10000, 1000), new SequentialArmInput(10000, 1100), 0.05, 5000));
        stats.MapPost("/srm", SrmAsync).Accepts<SrmInput>("application/json").Produces<SrmAnswer>()
            .WithDescription(Codes)
            .Documented("CheckSampleRatio", "Sample-ratio mismatch: χ² of the users per arm against the weights; below 0.001 the split is broken.",
                new SrmInput([5000, 5600], [50, 50]));
        stats.MapPost("/sample-size", SampleSizeAsync).Accepts<SampleSizeInput>("application/json").Produces<SampleSizeAnswer>()
            .WithDescription(Codes)
            .Documented("SampleSize", "Users per variant to detect a change in a conversion rate, and the days it takes at a given traffic.",
                new SampleSizeInput(0.1, 0.1, "relative", 0.05, 0.8, 2, 2000));
    }

    /// <summary>One arm of a conversion test.</summary>
    public sealed record ProportionArmInput(long? N = null, long? Conversions = null);

    public sealed record ProportionsInput(ProportionArmInput? Control = null, ProportionArmInput? Treatment = null, double? Alpha = null);

    /// <summary>One arm of a test on a mean: n with mean and sd, or n with the running sums.</summary>
    public sealed record MeanArmInput(long? N = null, double? Mean = null, double? Sd = null, double? Sum = null, double? SumSquares = null);

    public sealed record MeansInput(MeanArmInput? Control = null, MeanArmInput? Treatment = null, double? Alpha = null);

    /// <summary>An arm as proportions (n, conversions) or as a mean (n with mean and sd, or sum and sumSquares).</summary>
    public sealed record SequentialArmInput(long? N = null, long? Conversions = null, double? Mean = null, double? Sd = null,
        double? Sum = null, double? SumSquares = null);

    public sealed record SequentialInput(SequentialArmInput? Control = null, SequentialArmInput? Treatment = null, double? Alpha = null,
        double? Tuning = null);

    public sealed record SrmInput(IReadOnlyList<long>? Observed = null, IReadOnlyList<double>? Weights = null);

    public sealed record SampleSizeInput(double? Baseline = null, double? Mde = null, string? MdeKind = null, double? Alpha = null,
        double? Power = null, int? Variants = null, long? TrafficPerDay = null);

    /// <summary>treatment − control with its two-sided interval.</summary>
    public sealed record EffectAnswer(double Effect, double CiLow, double CiHigh);

    /// <summary>(treatment − control)/|control| with its interval and delta-method standard error.</summary>
    public sealed record RelativeAnswer(double Effect, double CiLow, double CiHigh, double Se);

    /// <summary>Expected relative loss of shipping each arm.</summary>
    public sealed record RiskAnswer(double Control, double Treatment);

    public sealed record ProportionsAnswer(double ControlRate, double TreatmentRate, double Z, double PValue, EffectAnswer Absolute,
        RelativeAnswer Relative, double ChanceToWin, RiskAnswer Risk);

    public sealed record MeansAnswer(double T, double Df, double PValue, EffectAnswer Absolute, RelativeAnswer Relative, double ChanceToWin,
        RiskAnswer Risk);

    public sealed record SequentialAnswer(double PValue, EffectAnswer Absolute, RelativeAnswer Relative);

    public sealed record SrmAnswer(double ChiSquare, int Df, double PValue);

    /// <summary>Days is present when trafficPerDay was sent.</summary>
    public sealed record SampleSizeAnswer(long PerVariant, long Total, long? Days);

    public const double DefaultAlpha = 0.05;
    public const double DefaultTuning = 5000;
    public const string DefaultMdeKind = "relative";
    public static readonly string[] MdeKinds = ["absolute", "relative"];

    private static Task<IResult> ProportionsAsync(HttpRequest request, CancellationToken ct) =>
        AnswerAsync<ProportionsInput>(request, ct, Proportions);

    private static Task<IResult> MeansAsync(HttpRequest request, CancellationToken ct) => AnswerAsync<MeansInput>(request, ct, Means);

    private static Task<IResult> SequentialAsync(HttpRequest request, CancellationToken ct) =>
        AnswerAsync<SequentialInput>(request, ct, Sequential);

    private static Task<IResult> SrmAsync(HttpRequest request, CancellationToken ct) => AnswerAsync<SrmInput>(request, ct, Srm);

    private static Task<IResult> SampleSizeAsync(HttpRequest request, CancellationToken ct) =>
        AnswerAsync<SampleSizeInput>(request, ct, SampleSizeOf);

    /// <summary>Reads the body, checks the required fields, and turns the engine's refusal of the numbers into a 400.</summary>
    private static async Task<IResult> AnswerAsync<T>(HttpRequest request, CancellationToken ct, Func<T, FieldErrors, object?> compute)
    {
        var body = await ApiBody.ReadAsync<T>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var errors = new FieldErrors();
        try
        {
            var answer = compute(body.Value!, errors);
            return errors.Valid && answer is not null ? TypedResults.Ok(answer) : StatisticsErrorText.Problem(errors);
        }
        catch (StatisticsInputException e)
        {
            errors.Add(e.Field, e.Code, e.Args);
            return StatisticsErrorText.Problem(errors);
        }
    }

    public static ProportionsAnswer? Proportions(ProportionsInput input, FieldErrors errors)
    {
        var control = ProportionArm(input.Control, "control", errors);
        var treatment = ProportionArm(input.Treatment, "treatment", errors);
        if (control is null || treatment is null) return null;
        return Answer(Domain.Statistics.Proportions.Compare(control, treatment, input.Alpha ?? DefaultAlpha));
    }

    public static MeansAnswer? Means(MeansInput input, FieldErrors errors)
    {
        var control = MeanArm(input.Control, "control", errors);
        var treatment = MeanArm(input.Treatment, "treatment", errors);
        if (control is null || treatment is null) return null;
        return Renamed(input.Control!, input.Treatment!, () =>
            Answer(Domain.Statistics.Means.Compare(control, treatment, input.Alpha ?? DefaultAlpha)));
    }

    public static SequentialAnswer? Sequential(SequentialInput input, FieldErrors errors)
    {
        if (input.Control is null) errors.Add("control", FieldCodes.Required);
        if (input.Treatment is null) errors.Add("treatment", FieldCodes.Required);
        if (input.Control is not { } c || input.Treatment is not { } t) return null;
        bool Proportional(SequentialArmInput a) => a.Conversions is not null;
        bool Averaged(SequentialArmInput a) => a.Mean is not null || a.Sd is not null || a.Sum is not null || a.SumSquares is not null;
        if (Proportional(c) && Averaged(c)) errors.Add("control", StatisticsCodes.ArmKinds);
        if (Proportional(t) && Averaged(t)) errors.Add("treatment", StatisticsCodes.ArmKinds);
        if (!errors.Valid) return null;
        var alpha = input.Alpha ?? DefaultAlpha;
        var tuning = input.Tuning ?? DefaultTuning;
        // The control's shape decides; a treatment of the other shape is named, not guessed at.
        if (Proportional(c) || (!Averaged(c) && Proportional(t)))
        {
            if (Averaged(t)) errors.Add("treatment", StatisticsCodes.ArmKinds);
            var pc = ProportionArm(new ProportionArmInput(c.N, c.Conversions), "control", errors);
            var pt = ProportionArm(new ProportionArmInput(t.N, t.Conversions), "treatment", errors);
            if (pc is null || pt is null || !errors.Valid) return null;
            return Answer(Domain.Statistics.Sequential.Proportions(pc, pt, alpha, tuning));
        }
        var controlInput = new MeanArmInput(c.N, c.Mean, c.Sd, c.Sum, c.SumSquares);
        var treatmentInput = new MeanArmInput(t.N, t.Mean, t.Sd, t.Sum, t.SumSquares);
        var mc = MeanArm(controlInput, "control", errors);
        var mt = MeanArm(treatmentInput, "treatment", errors);
        if (mc is null || mt is null) return null;
        return Renamed(controlInput, treatmentInput, () => Answer(Domain.Statistics.Sequential.Means(mc, mt, alpha, tuning)));
    }

    public static SrmAnswer? Srm(SrmInput input, FieldErrors errors)
    {
        if (input.Observed is null) errors.Add("observed", FieldCodes.Required);
        if (input.Weights is null) errors.Add("weights", FieldCodes.Required);
        if (input.Observed is not { } observed || input.Weights is not { } weights) return null;
        var result = SampleRatio.Check(observed, weights);
        return new SrmAnswer(result.ChiSquare, result.Df, result.PValue);
    }

    public static SampleSizeAnswer? SampleSizeOf(SampleSizeInput input, FieldErrors errors)
    {
        if (input.Baseline is null) errors.Add("baseline", FieldCodes.Required);
        if (input.Mde is null) errors.Add("mde", FieldCodes.Required);
        var kind = input.MdeKind ?? DefaultMdeKind;
        if (!MdeKinds.Contains(kind, StringComparer.Ordinal)) errors.Add("mdeKind", FieldCodes.OneOf, string.Join(", ", MdeKinds));
        if (!errors.Valid) return null;
        var result = SampleSize.ForProportions(input.Baseline!.Value, input.Mde!.Value, kind == "relative", input.Alpha ?? DefaultAlpha,
            input.Power ?? 0.8, input.Variants ?? 2);
        return new SampleSizeAnswer(result.PerVariant, result.Total, input.TrafficPerDay is { } traffic ? result.DaysAt(traffic) : null);
    }

    private static ProportionArm? ProportionArm(ProportionArmInput? arm, string name, FieldErrors errors)
    {
        if (arm is null)
        {
            errors.Add(name, FieldCodes.Required);
            return null;
        }
        if (arm.N is null) errors.Add($"{name}.n", FieldCodes.Required);
        if (arm.Conversions is null) errors.Add($"{name}.conversions", FieldCodes.Required);
        return arm is { N: { } n, Conversions: { } conversions } ? new ProportionArm(n, conversions) : null;
    }

    private static MeanArm? MeanArm(MeanArmInput? arm, string name, FieldErrors errors)
    {
        if (arm is null)
        {
            errors.Add(name, FieldCodes.Required);
            return null;
        }
        if (arm.N is null) errors.Add($"{name}.n", FieldCodes.Required);
        var stats = arm.Mean is not null || arm.Sd is not null;
        var sums = arm.Sum is not null || arm.SumSquares is not null;
        if (stats && sums) errors.Add(name, StatisticsCodes.MeanOrSums);
        else if (sums)
        {
            if (arm.Sum is null) errors.Add($"{name}.sum", FieldCodes.Required);
            if (arm.SumSquares is null) errors.Add($"{name}.sumSquares", FieldCodes.Required);
        }
        else
        {
            if (arm.Mean is null) errors.Add($"{name}.mean", FieldCodes.Required);
            if (arm.Sd is null) errors.Add($"{name}.sd", FieldCodes.Required);
        }
        if (!errors.Valid || arm.N is not { } count) return null;
        return sums
            ? Domain.Statistics.MeanArm.FromSums(count, arm.Sum!.Value, arm.SumSquares!.Value, name)
            : new MeanArm(count, arm.Mean!.Value, arm.Sd!.Value);
    }

    /// <summary>An arm sent as sums is refused by the sum the client sent, not by the mean the engine derived from it.</summary>
    private static T Renamed<T>(MeanArmInput control, MeanArmInput treatment, Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (StatisticsInputException e) when ((Sent(e.Field, control, "control") ?? Sent(e.Field, treatment, "treatment")) is { } field)
        {
            throw new StatisticsInputException(field, e.Code, e.Args);
        }
    }

    private static string? Sent(string field, MeanArmInput arm, string name) => arm.Sum is null || !field.StartsWith(name + ".", StringComparison.Ordinal)
        ? null
        : field[(name.Length + 1)..] switch
        {
            "mean" => $"{name}.sum",
            "sd" => $"{name}.sumSquares",
            _ => null,
        };

    private static EffectAnswer Answer(Effect e) => new(e.Value, e.CiLow, e.CiHigh);

    private static RelativeAnswer Answer(RelativeEffect e) => new(e.Value, e.CiLow, e.CiHigh, e.Se);

    private static RiskAnswer Answer(Risk r) => new(r.Control, r.Treatment);

    public static ProportionsAnswer Answer(ProportionsResult r) => new(r.ControlRate, r.TreatmentRate, r.Z, r.PValue, Answer(r.Absolute),
        Answer(r.Relative), r.ChanceToWin, Answer(r.Risk));

    public static MeansAnswer Answer(MeansResult r) => new(r.T, r.Df, r.PValue, Answer(r.Absolute), Answer(r.Relative), r.ChanceToWin,
        Answer(r.Risk));

    public static SequentialAnswer Answer(SequentialResult r) => new(r.PValue, Answer(r.Absolute), Answer(r.Relative));
}
