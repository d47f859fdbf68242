namespace Console.Domain.Statistics;

/// <summary>The field error codes of the statistics engine; the comment gives the arguments in order.</summary>
public static class StatisticsCodes
{
    public const string NegativeCount = "negative_count";
    public const string ConversionsAboveN = "conversions_above_n";
    public const string ControlMeanZero = "control_mean_zero";
    public const string WeightsMismatch = "weights_mismatch";
    public const string WeightsSum = "weights_sum";
    public const string TooFewObservations = "too_few_observations";   // the least n
    public const string NegativeSpread = "negative_spread";
    public const string NoVariance = "no_variance";
    public const string OutOfRange = "out_of_range";                   // the exclusive lower and upper bounds
    public const string TargetRateOutOfRange = "target_rate_out_of_range";
    public const string EffectTooSmall = "effect_too_small";
    public const string ZeroEffect = "zero_effect";
    public const string NotFinite = "not_finite";
    public const string TooFewArms = "too_few_arms";
    public const string WeightNotPositive = "weight_not_positive";

    public static readonly string[] All =
    [
        NegativeCount, ConversionsAboveN, ControlMeanZero, WeightsMismatch, WeightsSum, TooFewObservations, NegativeSpread,
        NoVariance, OutOfRange, TargetRateOutOfRange, EffectTooSmall, ZeroEffect, NotFinite, TooFewArms, WeightNotPositive,
    ];
}
