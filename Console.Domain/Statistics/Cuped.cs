namespace Console.Domain.Statistics;

/// <summary>
/// One arm's sums for CUPED: y is the metric after exposure, x the same metric over the pre-period, per user.
/// </summary>
public sealed record CupedArm(long N, double SumY, double SumY2, double SumX, double SumX2, double SumXY);

public sealed record CupedResult(double Theta, IReadOnlyList<MeanArm> Arms);

/// <summary>
/// Variance reduction with a pre-period covariate: y − θ(x − x̄), θ = Cov(x, y)/Var(x) over all arms pooled, so every arm
/// is adjusted by the same θ and the adjusted means stay on the metric's own scale (the relative effect keeps meaning).
/// </summary>
public static class Cuped
{
    public static CupedResult Adjust(IReadOnlyList<CupedArm> arms)
    {
        if (arms.Count < 2) throw new StatisticsInputException("arms", StatisticsCodes.TooFewArms);
        for (var i = 0; i < arms.Count; i++)
        {
            if (arms[i].N < 0) throw new StatisticsInputException($"arms[{i}].n", StatisticsCodes.NegativeCount);
            if (arms[i].N < 2) throw new StatisticsInputException($"arms[{i}].n", StatisticsCodes.TooFewObservations, 2);
        }
        var theta = Theta(arms);
        var n = arms.Sum(a => (double)a.N);
        var preMean = arms.Sum(a => a.SumX) / n;
        var adjusted = arms.Select(a => AdjustArm(a, theta, preMean)).ToList();
        return new CupedResult(theta, adjusted);
    }

    /// <summary>The control and treatment pair most results need.</summary>
    public static (MeanArm Control, MeanArm Treatment, double Theta) Adjust(CupedArm control, CupedArm treatment)
    {
        var result = Adjust([control, treatment]);
        return (result.Arms[0], result.Arms[1], result.Theta);
    }

    /// <summary>θ = (Σxy − ΣxΣy/N)/(Σx² − (Σx)²/N) over all arms; 0 when the covariate has no spread.</summary>
    public static double Theta(IReadOnlyList<CupedArm> arms)
    {
        var n = arms.Sum(a => (double)a.N);
        var sumX = arms.Sum(a => a.SumX);
        var sumY = arms.Sum(a => a.SumY);
        var varianceX = arms.Sum(a => a.SumX2) - sumX * sumX / n;
        var covariance = arms.Sum(a => a.SumXY) - sumX * sumY / n;
        return varianceX <= 0 ? 0 : covariance / varianceX;
    }

    private static MeanArm AdjustArm(CupedArm arm, double theta, double preMean)
    {
        var n = (double)arm.N;
        var meanY = arm.SumY / n;
        var meanX = arm.SumX / n;
        var syy = arm.SumY2 - arm.SumY * arm.SumY / n;
        var sxx = arm.SumX2 - arm.SumX * arm.SumX / n;
        var sxy = arm.SumXY - arm.SumX * arm.SumY / n;
        var variance = (syy + theta * theta * sxx - 2 * theta * sxy) / (n - 1);
        return new MeanArm(arm.N, meanY - theta * (meanX - preMean), Math.Sqrt(Math.Max(0, variance)));
    }
}
