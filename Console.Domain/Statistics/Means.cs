namespace Console.Domain.Statistics;

public sealed record MeansResult(
    double T, double Df, double PValue, Effect Absolute, RelativeEffect Relative, double ChanceToWin, Risk Risk);

/// <summary>Two means compared with Welch's t test and Welch–Satterthwaite degrees of freedom.</summary>
public static class Means
{
    public static MeansResult Compare(MeanArm control, MeanArm treatment, double alpha = 0.05)
    {
        control.Check("control");
        treatment.Check("treatment");
        Estimates.CheckAlpha(alpha);
        var (se, df) = Welch(control, treatment);
        var difference = treatment.Mean - control.Mean;
        var t = difference / se;
        var quantile = Estimates.TQuantile(alpha, df);
        var (relative, relativeSe) = Estimates.Relative(
            control.Mean, control.Variance, control.N, treatment.Mean, treatment.Variance, treatment.N, "control.mean");
        var (chance, risk) = Estimates.Bayes(relative, relativeSe);
        return new MeansResult(
            t, df, Estimates.TPValue(t, df), Estimates.Interval(difference, se, quantile),
            Estimates.RelativeInterval(relative, relativeSe, quantile), chance, risk);
    }

    /// <summary>The standard error of the difference and the Welch–Satterthwaite degrees of freedom.</summary>
    internal static (double Se, double Df) Welch(MeanArm control, MeanArm treatment)
    {
        var a = control.Variance / control.N;
        var b = treatment.Variance / treatment.N;
        // Two arms without spread leave t and its degrees of freedom undefined.
        if (a + b == 0) throw new StatisticsInputException("treatment.sd", StatisticsCodes.NoVariance);
        var df = (a + b) * (a + b) / (a * a / (control.N - 1) + b * b / (treatment.N - 1));
        return (Math.Sqrt(a + b), df);
    }
}
