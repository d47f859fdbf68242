using MathNet.Numerics.Distributions;

namespace Console.Domain.Statistics;

/// <summary>The pieces every comparison shares: quantiles, two-sided p-values, the relative effect and the Bayesian summary.</summary>
internal static class Estimates
{
    public static void CheckAlpha(double alpha, string field = "alpha")
    {
        if (!(alpha > 0 && alpha < 1)) throw new StatisticsInputException(field, StatisticsCodes.OutOfRange, 0, 1);
    }

    public static double NormalQuantile(double alpha) => Normal.InvCDF(0, 1, 1 - alpha / 2);

    public static double TQuantile(double alpha, double df) => StudentT.InvCDF(0, 1, df, 1 - alpha / 2);

    // The lower tail of −|x| keeps precision that 1 − CDF(|x|) would lose for small p.
    public static double NormalPValue(double z) => Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));

    public static double TPValue(double t, double df) => Math.Min(1, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));

    public static Effect Interval(double value, double se, double quantile) =>
        new(value, value - quantile * se, value + quantile * se);

    /// <summary>(μB − μA)/|μA| with the delta-method variance vB/(nB·μA²) + vA·μB²/(nA·μA⁴).</summary>
    public static (double Value, double Se) Relative(
        double meanA, double varianceA, long nA, double meanB, double varianceB, long nB, string controlField)
    {
        if (meanA == 0) throw new StatisticsInputException(controlField, StatisticsCodes.ControlMeanZero);
        var value = (meanB - meanA) / Math.Abs(meanA);
        var a2 = meanA * meanA;
        var variance = varianceB / (nB * a2) + varianceA * meanB * meanB / (nA * a2 * a2);
        return (value, Math.Sqrt(variance));
    }

    public static RelativeEffect RelativeInterval(double value, double se, double quantile) =>
        new(value, value - quantile * se, value + quantile * se, se);

    /// <summary>
    /// Flat prior on the relative effect, posterior Normal(effect, se²): the chance the effect is above 0 and the
    /// expected loss of each choice, E[max(0, effect)] for keeping control and E[max(0, −effect)] for shipping treatment.
    /// </summary>
    public static (double ChanceToWin, Risk Risk) Bayes(double effect, double se)
    {
        if (se == 0)
        {
            // A posterior with no spread is a point: the answers are the sure ones, not 0/0.
            return (effect > 0 ? 1 : effect < 0 ? 0 : 0.5, new Risk(Math.Max(0, effect), Math.Max(0, -effect)));
        }
        var ratio = effect / se;
        var chance = Normal.CDF(0, 1, ratio);
        var density = Normal.PDF(0, 1, ratio);
        var control = effect * chance + se * density;
        var treatment = -effect * (1 - chance) + se * density;
        return (chance, new Risk(Math.Max(0, control), Math.Max(0, treatment)));
    }
}
