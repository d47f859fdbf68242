namespace Console.Domain.Statistics;

public sealed record ProportionsResult(
    double ControlRate, double TreatmentRate, double Z, double PValue, Effect Absolute, RelativeEffect Relative,
    double ChanceToWin, Risk Risk);

/// <summary>Two conversion rates compared: pooled two-proportion z test, unpooled Wald interval, relative effect, Bayes.</summary>
public static class Proportions
{
    public static ProportionsResult Compare(ProportionArm control, ProportionArm treatment, double alpha = 0.05)
    {
        control.Check("control");
        treatment.Check("treatment");
        Estimates.CheckAlpha(alpha);
        var (pA, pB) = (control.Rate, treatment.Rate);
        var pooled = (double)(control.Conversions + treatment.Conversions) / (control.N + treatment.N);
        var pooledSe = Math.Sqrt(pooled * (1 - pooled) * (1.0 / control.N + 1.0 / treatment.N));
        // A pooled rate of 0 or 1 means both arms are all-0 or all-1: equal, so z = 0 rather than 0/0.
        var z = pooledSe == 0 ? 0 : (pB - pA) / pooledSe;
        var quantile = Estimates.NormalQuantile(alpha);
        var absolute = Estimates.Interval(pB - pA, AbsoluteSe(control, treatment), quantile);
        var (relative, relativeSe) = Estimates.Relative(
            pA, control.Variance, control.N, pB, treatment.Variance, treatment.N, "control.conversions");
        var (chance, risk) = Estimates.Bayes(relative, relativeSe);
        return new ProportionsResult(
            pA, pB, z, Estimates.NormalPValue(z), absolute, Estimates.RelativeInterval(relative, relativeSe, quantile),
            chance, risk);
    }

    internal static double AbsoluteSe(ProportionArm control, ProportionArm treatment) =>
        Math.Sqrt(control.Variance / control.N + treatment.Variance / treatment.N);
}
