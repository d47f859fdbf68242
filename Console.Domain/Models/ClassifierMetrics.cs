namespace Console.Domain.Models;

/// <summary>One tenth of the scored pairs, by predicted probability: what the model said and what happened.</summary>
public sealed record CalibrationBin(int Bin, int Count, double MeanPredicted, double Observed);

/// <summary>The figures a probability model is judged by on its evaluation window.</summary>
public static class ClassifierMetrics
{
    /// <summary>Area under the ROC curve by the rank-sum (Mann-Whitney) form, ties sharing their average rank; NaN without both classes.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double rankSum = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
                if (labels[order[k]]) rankSum += averageRank;
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>Mean negative log-likelihood in nats, probabilities clamped away from 0 and 1.</summary>
    public static double LogLoss(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        if (probabilities.Count == 0) return double.NaN;
        double total = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            total -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }
        return total / probabilities.Count;
    }

    /// <summary>
    /// Ten bins of equal size by predicted probability (deciles, not equal widths: purchases are rare, and equal widths
    /// would put nearly every pair into the first bin).
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        var result = new List<CalibrationBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            var from = (int)((long)order.Length * b / bins);
            var to = (int)((long)order.Length * (b + 1) / bins);
            var slice = order[from..to];
            result.Add(slice.Length == 0
                ? new CalibrationBin(b + 1, 0, double.NaN, double.NaN)
                : new CalibrationBin(b + 1, slice.Length, slice.Average(i => probabilities[i]), slice.Average(i => labels[i] ? 1.0 : 0.0)));
        }
        return result;
    }

    /// <summary>The purchase rate among the tenth scored highest, over the overall rate.</summary>
    public static double TopDecileLift(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var baseRate = labels.Count == 0 ? 0 : labels.Count(l => l) / (double)labels.Count;
        if (baseRate == 0) return double.NaN;
        var top = Math.Max(1, scores.Count / 10);
        var rate = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).Take(top).Count(i => labels[i]) / (double)top;
        return rate / baseRate;
    }
}
