namespace Console.Domain.Statistics;

/// <summary>A difference treatment − control with its two-sided confidence interval.</summary>
public sealed record Effect(double Value, double CiLow, double CiHigh);

/// <summary>(treatment − control) / |control| with its interval and delta-method standard error.</summary>
public sealed record RelativeEffect(double Value, double CiLow, double CiHigh, double Se);

/// <summary>Expected relative loss of shipping each arm, under the flat-prior normal posterior.</summary>
public sealed record Risk(double Control, double Treatment);

/// <summary>One arm of a conversion test: users and how many of them converted.</summary>
public sealed record ProportionArm(long N, long Conversions)
{
    public double Rate => (double)Conversions / N;

    /// <summary>p(1 − p), the variance of one user's 0/1 outcome.</summary>
    public double Variance => Rate * (1 - Rate);

    internal void Check(string arm)
    {
        if (N < 0) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.NegativeCount);
        if (N < 1) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.TooFewObservations, 1);
        if (Conversions < 0) throw new StatisticsInputException($"{arm}.conversions", StatisticsCodes.NegativeCount);
        if (Conversions > N) throw new StatisticsInputException($"{arm}.conversions", StatisticsCodes.ConversionsAboveN);
    }
}

/// <summary>One arm of a test on a mean: users, their mean and the sample standard deviation (n − 1).</summary>
public sealed record MeanArm(long N, double Mean, double Sd)
{
    public double Variance => Sd * Sd;

    /// <summary>From the running sums a store keeps: variance (Σx² − (Σx)²/n)/(n − 1), never below 0 for rounding.</summary>
    public static MeanArm FromSums(long n, double sum, double sumSquares) => FromSums(n, sum, sumSquares, "arm");

    internal static MeanArm FromSums(long n, double sum, double sumSquares, string arm)
    {
        if (n < 0) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.NegativeCount);
        if (n < 2) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.TooFewObservations, 2);
        if (!double.IsFinite(sum)) throw new StatisticsInputException($"{arm}.sum", StatisticsCodes.NotFinite);
        if (!double.IsFinite(sumSquares)) throw new StatisticsInputException($"{arm}.sumSquares", StatisticsCodes.NotFinite);
        if (sumSquares < 0) throw new StatisticsInputException($"{arm}.sumSquares", StatisticsCodes.NegativeSpread);
        var variance = Math.Max(0, (sumSquares - sum * sum / n) / (n - 1));
        return new MeanArm(n, sum / n, Math.Sqrt(variance));
    }

    internal void Check(string arm)
    {
        if (N < 0) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.NegativeCount);
        if (N < 2) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.TooFewObservations, 2);
        if (!double.IsFinite(Mean)) throw new StatisticsInputException($"{arm}.mean", StatisticsCodes.NotFinite);
        if (!double.IsFinite(Sd)) throw new StatisticsInputException($"{arm}.sd", StatisticsCodes.NotFinite);
        if (Sd < 0) throw new StatisticsInputException($"{arm}.sd", StatisticsCodes.NegativeSpread);
    }
}
