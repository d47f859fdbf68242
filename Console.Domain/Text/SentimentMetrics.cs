namespace Console.Domain.Text;

/// <summary>How a model does on the held-out fifth: binary accuracy and macro-F1 at 0.5, its lexicon baseline, and the neutral band.</summary>
public sealed record SentimentMetrics(int TrainRows, int HeldOutRows, double Accuracy, double MacroF1, double BaselineAccuracy,
    double BaselineMacroF1, double NeutralLow, double NeutralHigh, double NeutralShare, double AccuracyOutsideBand)
{
    /// <summary>Accuracy and macro-F1 of positive-or-not decisions against the truth.</summary>
    public static (double Accuracy, double MacroF1) Score(IReadOnlyList<bool> truth, IReadOnlyList<bool> predicted)
    {
        int tp = 0, tn = 0, fp = 0, fn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            if (predicted[i]) { if (truth[i]) tp++; else fp++; }
            else { if (truth[i]) fn++; else tn++; }
        }
        var accuracy = truth.Count == 0 ? 0 : (double)(tp + tn) / truth.Count;
        return (accuracy, (F1(tp, fp, fn) + F1(tn, fn, fp)) / 2);
    }

    private static double F1(int hit, int falseHit, int miss) => hit == 0 ? 0 : 2.0 * hit / (2.0 * hit + falseHit + miss);

    /// <summary>
    /// The neutral band: each side widens from 0.5 in steps of 0.01 while the held-out texts in its part of the band
    /// are called right no more often than 60 % of the time (a near coin toss), and stops before the band holds more
    /// than a tenth of the held-out texts.
    /// </summary>
    public static (double Low, double High) NeutralBand(IReadOnlyList<bool> truth, IReadOnlyList<double> positive)
    {
        var n = truth.Count;
        double low = 0.5, high = 0.5;
        bool lowOpen = true, highOpen = true;
        for (var step = 1; step <= 30 && (lowOpen || highOpen); step++)
        {
            if (lowOpen)
            {
                var t = 0.5 - step / 100.0;
                lowOpen = Tries(t, high, i => positive[i] >= t && positive[i] < 0.5, right: i => !truth[i]);
                if (lowOpen) low = t;
            }
            if (highOpen)
            {
                var t = 0.5 + step / 100.0;
                highOpen = Tries(low, t, i => positive[i] >= 0.5 && positive[i] < t, right: i => truth[i]);
                if (highOpen) high = t;
            }
        }
        return (Math.Round(low, 2), Math.Round(high, 2));

        bool Tries(double lo, double hi, Func<int, bool> inSide, Func<int, bool> right)
        {
            int inBand = 0, side = 0, rightInSide = 0;
            for (var i = 0; i < n; i++)
            {
                if (positive[i] >= lo && positive[i] < hi) inBand++;
                if (!inSide(i)) continue;
                side++;
                if (right(i)) rightInSide++;
            }
            return inBand <= n / 10 && (side == 0 || rightInSide <= 0.6 * side);
        }
    }
}
