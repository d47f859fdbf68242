using MathNet.Numerics.Distributions;

namespace Console.Domain.Statistics;

public sealed record SrmResult(double ChiSquare, int Df, double PValue);

/// <summary>Sample-ratio mismatch: Pearson's χ² of the observed users per arm against the split the weights promise.</summary>
public static class SampleRatio
{
    public static SrmResult Check(IReadOnlyList<long> observed, IReadOnlyList<double> weights)
    {
        if (observed.Count < 2) throw new StatisticsInputException("observed", StatisticsCodes.TooFewArms);
        if (weights.Count != observed.Count) throw new StatisticsInputException("weights", StatisticsCodes.WeightsMismatch);
        if (observed.Any(o => o < 0)) throw new StatisticsInputException("observed", StatisticsCodes.NegativeCount);
        if (weights.Any(w => !(w > 0 && double.IsFinite(w))))
            throw new StatisticsInputException("weights", StatisticsCodes.WeightNotPositive);
        var weightSum = weights.Sum();
        // Weights are shares (sum 1) or percentages (sum 100), as experiments store them.
        if (Math.Abs(weightSum - 1) > 1e-6 && Math.Abs(weightSum - 100) > 1e-4)
            throw new StatisticsInputException("weights", StatisticsCodes.WeightsSum);
        var total = observed.Sum();
        if (total < 1) throw new StatisticsInputException("observed", StatisticsCodes.TooFewObservations, 1);
        var chiSquare = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * weights[i] / weightSum;
            var gap = observed[i] - expected;
            chiSquare += gap * gap / expected;
        }
        var df = observed.Count - 1;
        return new SrmResult(chiSquare, df, Math.Max(0, 1 - ChiSquared.CDF(df, chiSquare)));
    }
}
