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

    /// <summary>As above, naming the arm ("control", "treatment") in any refusal.</summary>
    public static MeanArm FromSums(long n, double sum, double sumSquares, string arm)
    {
        if (n < 0) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.NegativeCount);
        if (n < 2) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.TooFewObservations, 2);
        if (!(Math.Abs(sum) <= 1e30)) throw new StatisticsInputException($"{arm}.sum", StatisticsCodes.TooLarge, 1e30);
        if (sumSquares < 0) throw new StatisticsInputException($"{arm}.sumSquares", StatisticsCodes.NegativeSpread);
        if (!(sumSquares <= 1e60)) throw new StatisticsInputException($"{arm}.sumSquares", StatisticsCodes.TooLarge, 1e60);
        var variance = Math.Max(0, (sumSquares - sum * sum / n) / (n - 1));
        var result = new MeanArm(n, sum / n, Math.Sqrt(variance));
        // Sums that are fine alone can still give a mean or spread past the engine's range: name the sum that did.
        if (!(Math.Abs(result.Mean) <= Estimates.MaxMagnitude))
            throw new StatisticsInputException($"{arm}.sum", StatisticsCodes.TooLarge, Estimates.MaxMagnitude * n);
        if (!(result.Sd <= Estimates.MaxMagnitude))
            throw new StatisticsInputException($"{arm}.sumSquares", StatisticsCodes.TooLarge, Estimates.MaxMagnitude);
        return result;
    }

    internal void Check(string arm)
    {
        if (N < 0) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.NegativeCount);
        if (N < 2) throw new StatisticsInputException($"{arm}.n", StatisticsCodes.TooFewObservations, 2);
        if (!(Math.Abs(Mean) <= Estimates.MaxMagnitude))
            throw new StatisticsInputException($"{arm}.mean", StatisticsCodes.TooLarge, Estimates.MaxMagnitude);
        if (Sd < 0) throw new StatisticsInputException($"{arm}.sd", StatisticsCodes.NegativeSpread);
        if (!(Sd <= Estimates.MaxMagnitude))
            throw new StatisticsInputException($"{arm}.sd", StatisticsCodes.TooLarge, Estimates.MaxMagnitude);
    }
}
