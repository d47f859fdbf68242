using Console.Domain.Models;

namespace Console.Tests.Models;

public sealed class ClassifierMetricsTests
{
    [Fact]
    public void Auc_counts_the_share_of_buyer_non_buyer_pairs_ranked_the_right_way_with_ties_as_half()
    {
        // Pairs (buyer, non-buyer): (0.35, 0.1) right, (0.35, 0.4) wrong, (0.8, *) right: 3 of 4.
        Assert.Equal(0.75, ClassifierMetrics.Auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 10);
        Assert.Equal(0.5, ClassifierMetrics.Auc([0.3, 0.3], [false, true]), 10);
        Assert.True(double.IsNaN(ClassifierMetrics.Auc([0.3, 0.4], [false, false])));
    }

    [Fact]
    public void Log_loss_calibration_and_lift_match_hand_figures()
    {
        Assert.Equal((Math.Log(2) + Math.Log(1 / 0.8)) / 2, ClassifierMetrics.LogLoss([0.5, 0.2], [true, false]), 10);

        var scores = Enumerable.Range(0, 20).Select(i => i / 20.0).ToList();
        var labels = Enumerable.Range(0, 20).Select(i => i is 19 or 18 or 3 or 7).ToList();
        // The top tenth (two rows, 0.95 and 0.90) are both buyers: rate 1 over a base rate of 4/20.
        Assert.Equal(5, ClassifierMetrics.TopDecileLift(scores, labels), 10);
        var bins = ClassifierMetrics.Calibration(scores, labels);
        Assert.Equal(10, bins.Count);
        Assert.All(bins, b => Assert.Equal(2, b.Count));
        Assert.Equal(0.025, bins[0].MeanPredicted, 10);
        Assert.Equal(0.5, bins[1].Observed, 10);
        Assert.Equal(1, bins[9].Observed, 10);
    }
}
