namespace Console.Domain.Statistics;

public sealed record SequentialResult(double PValue, Effect Absolute, RelativeEffect Relative);

/// <summary>
/// The always-valid mixture-SPRT interval and p-value (Waudby-Smith et al., in GrowthBook's form) with tuning N*: valid
/// however often the numbers are looked at. The p-value tests the absolute difference.
/// </summary>
public static class Sequential
{
    public static SequentialResult Proportions(ProportionArm c, ProportionArm t, double alpha = 0.05, double tuning = 5000)
    {
        var fixedHorizon = Statistics.Proportions.Compare(c, t, alpha);
        CheckTuning(tuning);
        var absoluteSe = Statistics.Proportions.AbsoluteSe(c, t);
        return Build(fixedHorizon.Absolute.Value, absoluteSe, fixedHorizon.Relative, c.N + t.N, alpha, tuning);
    }

    public static SequentialResult Means(MeanArm c, MeanArm t, double alpha = 0.05, double tuning = 5000)
    {
        var fixedHorizon = Statistics.Means.Compare(c, t, alpha);
        CheckTuning(tuning);
        var (absoluteSe, _) = Statistics.Means.Welch(c, t);
        return Build(fixedHorizon.Absolute.Value, absoluteSe, fixedHorizon.Relative, c.N + t.N, alpha, tuning);
    }

    private static void CheckTuning(double tuning)
    {
        if (!(tuning > 0 && double.IsFinite(tuning)))
            throw new StatisticsInputException("tuning", StatisticsCodes.OutOfRange, 0, "∞");
    }

    private static SequentialResult Build(
        double absolute, double absoluteSe, RelativeEffect relative, long n, double alpha, double tuning)
    {
        var rho = Rho(alpha, tuning);
        var absoluteHalf = HalfWidth(absoluteSe, n, rho, alpha);
        var relativeHalf = HalfWidth(relative.Se, n, rho, alpha);
        return new SequentialResult(
            PValue(absolute, absoluteSe, n, rho),
            new Effect(absolute, absolute - absoluteHalf, absolute + absoluteHalf),
            new RelativeEffect(relative.Value, relative.Value - relativeHalf, relative.Value + relativeHalf, relative.Se));
    }

    /// <summary>ρ = √((−2 ln α + ln(−2 ln α + 1))/N*).</summary>
    internal static double Rho(double alpha, double tuning)
    {
        var l = -2 * Math.Log(alpha);
        return Math.Sqrt((l + Math.Log(l + 1)) / tuning);
    }

    /// <summary>√s²·√(2(Nρ²+1)/(N²ρ²)·ln(√(Nρ²+1)/α)) with s² = se²·N.</summary>
    internal static double HalfWidth(double se, long n, double rho, double alpha)
    {
        var nr2 = n * rho * rho;
        var s = se * Math.Sqrt(n);
        return s * Math.Sqrt(2 * (nr2 + 1) / ((double)n * n * rho * rho) * Math.Log(Math.Sqrt(nr2 + 1) / alpha));
    }

    /// <summary>min(1, 1/E), E = exp(ρ²·S/(2(Nρ²+1)))/√(Nρ²+1), S = effect²·N/se².</summary>
    internal static double PValue(double effect, double se, long n, double rho)
    {
        // No spread: a difference of 0 is no evidence at all, any other difference is certain.
        if (se == 0) return effect == 0 ? 1 : 0;
        var nr2 = n * rho * rho;
        var s = effect * effect * n / (se * se);
        var logE = rho * rho * s / (2 * (nr2 + 1)) - 0.5 * Math.Log(nr2 + 1);
        return Math.Min(1, Math.Exp(-logE));
    }
}
