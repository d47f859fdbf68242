using Console.Domain.Data;
using MathNet.Numerics.Distributions;

namespace Console.Domain.Statistics;

public sealed record SampleSizeResult(long PerVariant, long Total)
{
    /// <summary>Whole days until every variant has its users, when the test sees this many new users a day in all.</summary>
    public long DaysAt(long trafficPerDay)
    {
        if (trafficPerDay < 1) throw new StatisticsInputException("trafficPerDay", FieldCodes.AtLeast, 1);
        return (Total + trafficPerDay - 1) / trafficPerDay;
    }
}

/// <summary>Users per variant to detect a change in a conversion rate with the given two-sided alpha and power.</summary>
public static class SampleSize
{
    public const int MaxVariants = 20;

    // Above this the effect is too small to test in any shop; it also keeps the count well inside a long.
    private const double MaxPerVariant = 1e12;

    /// <summary>
    /// n = (z₁₋α/₂·√(2p₁(1−p₁)) + z₁₋β·√(p₁(1−p₁)+p₂(1−p₂)))² / (p₂−p₁)², rounded up, p₂ = p₁ + mde or p₁·(1 + mde).
    /// </summary>
    public static SampleSizeResult ForProportions(
        double baseline, double mde, bool relativeMde, double alpha = 0.05, double power = 0.8, int variants = 2)
    {
        if (!(baseline > 0 && baseline < 1)) throw new StatisticsInputException("baseline", StatisticsCodes.OutOfRange, 0, 1);
        if (!double.IsFinite(mde)) throw new StatisticsInputException("mde", StatisticsCodes.NotFinite);
        Estimates.CheckAlpha(alpha);
        if (!(power > 0 && power < 1)) throw new StatisticsInputException("power", StatisticsCodes.OutOfRange, 0, 1);
        if (variants < 2 || variants > MaxVariants)
            throw new StatisticsInputException("variants", FieldCodes.Between, 2, MaxVariants);
        var p1 = baseline;
        var p2 = relativeMde ? p1 * (1 + mde) : p1 + mde;
        if (p2 == p1) throw new StatisticsInputException("mde", StatisticsCodes.ZeroEffect);
        if (!(p2 > 0 && p2 < 1)) throw new StatisticsInputException("mde", StatisticsCodes.TargetRateOutOfRange);
        var zAlpha = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var zBeta = Normal.InvCDF(0, 1, power);
        var root = zAlpha * Math.Sqrt(2 * p1 * (1 - p1)) + zBeta * Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        var n = Math.Ceiling(root * root / ((p2 - p1) * (p2 - p1)));
        if (!(n <= MaxPerVariant)) throw new StatisticsInputException("mde", StatisticsCodes.EffectTooSmall);
        var perVariant = (long)n;
        return new SampleSizeResult(perVariant, perVariant * variants);
    }
}
