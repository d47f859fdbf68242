using System.Collections.Frozen;
using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Statistics;

namespace Console.Web.Api;

/// <summary>The API's English for the statistics engine's field codes; the shared codes keep the shared wording.</summary>
public static class StatisticsErrorText
{
    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>
    {
        [StatisticsCodes.NegativeCount] = "A count may not be negative.",
        [StatisticsCodes.ConversionsAboveN] = "More conversions than users.",
        [StatisticsCodes.ControlMeanZero] = "The control's rate or mean is 0 (or too close to it), so no relative effect exists.",
        [StatisticsCodes.WeightsMismatch] = "Give one weight per observed count.",
        [StatisticsCodes.WeightsSum] = "Weights must add up to 1 (shares) or to 100 (percentages).",
        [StatisticsCodes.TooFewObservations] = "Needs at least {0}.",
        [StatisticsCodes.NegativeSpread] = "May not be negative.",
        [StatisticsCodes.NoVariance] = "Neither arm varies, so the test is undefined.",
        [StatisticsCodes.OutOfRange] = "Must be greater than {0} and less than {1}.",
        [StatisticsCodes.TargetRateOutOfRange] = "The baseline with this effect leaves the range between 0 and 1.",
        [StatisticsCodes.EffectTooSmall] = "The effect is too small to test: it would take more than a trillion users per variant.",
        [StatisticsCodes.ZeroEffect] = "The effect to detect may not be 0.",
        [StatisticsCodes.TooLarge] = "Must be at most {0:G4} in size.",
        [StatisticsCodes.MeanOrSums] = "Give mean and sd, or sum and sumSquares, not both.",
        [StatisticsCodes.ArmKinds] = "Send both arms as proportions (n, conversions) or both as means (n with mean and sd, or sum and sumSquares).",
        [StatisticsCodes.NotFinite] = "Must be a finite number.",
        [StatisticsCodes.TooFewArms] = "Needs at least two arms.",
        [StatisticsCodes.WeightNotPositive] = "Every weight must be greater than 0.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Knows(string code) => Texts.ContainsKey(code);

    public static string English(FieldError error) => Texts.TryGetValue(error.Code, out var text)
        ? string.Format(CultureInfo.InvariantCulture, text, error.Args)
        : ErrorText.English(error);

    /// <summary>A 400 in the shape of every other field error: English messages by field, and their codes beside them.</summary>
    public static IResult Problem(FieldErrors errors) => TypedResults.ValidationProblem(
        errors.ByField().ToDictionary(g => g.Key, g => g.Select(English).ToArray()),
        extensions: new Dictionary<string, object?> { ["codes"] = errors.ByField().ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()) });
}
