using Console.Domain.Recommendations;

namespace Console.Tests.Recommendations;

public sealed class SgdFactorTrainerTests
{
    private const int Users = 60, Items = 40, Rank = 3;

    [Fact]
    public void Recovers_planted_factors_and_biases_on_cells_it_never_saw()
    {
        var rng = new Random(11);
        var u = Draw(rng, Users * Rank, 1.0);
        var v = Draw(rng, Items * Rank, 1.0);
        var bu = Draw(rng, Users, 0.5);
        var bi = Draw(rng, Items, 0.5);
        double Truth(int user, int item) =>
            bu[user] + bi[item] + Enumerable.Range(0, Rank).Sum(f => u[user * Rank + f] * v[item * Rank + f]);

        var train = new List<(string, string, double)>();
        var heldOut = new List<(int User, int Item)>();
        for (var a = 0; a < Users; a++)
            for (var b = 0; b < Items; b++)
                if (rng.NextDouble() < 0.7) train.Add(($"u{a:D2}", $"i{b:D2}", Truth(a, b) + 0.05 * Draw(rng, 1, 1)[0]));
                else heldOut.Add((a, b));
        var feedback = Feedback.From(train);

        var model = SgdFactorTrainer.Train(feedback,
            new FactorOptions(Factors: Rank, LearningRate: 0.02, Regularisation: 0.005, Epochs: 300, NegativesPerPositive: 0, Seed: 3));

        var truth = heldOut.Select(c => Truth(c.User, c.Item)).ToArray();
        var predicted = heldOut.Select(c => model.Predict(feedback.UserIndex[$"u{c.User:D2}"], feedback.ItemIndex[$"i{c.Item:D2}"])).ToArray();
        var rmse = Math.Sqrt(truth.Zip(predicted, (t, p) => (t - p) * (t - p)).Average());
        var spread = Math.Sqrt(truth.Select(t => (t - truth.Average()) * (t - truth.Average())).Average());
        // Biases alone cannot get near: the planted factors carry most of the spread, so a small error means they were found.
        Assert.True(rmse < 0.2 * spread, $"held-out RMSE {rmse:F3} against a spread of {spread:F3}");
        Assert.True(Correlation(truth, predicted) > 0.97, $"correlation {Correlation(truth, predicted):F3}");
        Assert.True(BiasesOnlyRmse(feedback, heldOut, truth) > 2.5 * rmse);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_and_another_seed_does_not()
    {
        var feedback = Feedback.From([("a", "x", 1.0), ("a", "y", 1.0), ("b", "y", 1.0), ("b", "z", 1.0), ("c", "x", 1.0)]);
        var options = new FactorOptions(Factors: 4, Epochs: 20);
        var first = SgdFactorTrainer.Train(feedback, options);
        var second = SgdFactorTrainer.Train(feedback, options);
        var other = SgdFactorTrainer.Train(feedback, options with { Seed = 43 });
        Assert.Equal(first.ItemFactors.ToArray(), second.ItemFactors.ToArray());
        Assert.NotEqual(first.ItemFactors.ToArray(), other.ItemFactors.ToArray());
    }

    [Fact]
    public void Refuses_options_out_of_range()
    {
        var feedback = Feedback.From([("a", "x", 1.0)]);
        var error = Assert.Throws<ArgumentException>(() => SgdFactorTrainer.Train(feedback, new FactorOptions(Factors: 0, LearningRate: 0)));
        Assert.Contains("Factors", error.Message);
        Assert.Contains("LearningRate", error.Message);
    }

    /// <summary>What user and item means alone predict: the planted factors are what lifts the model far below this.</summary>
    private static double BiasesOnlyRmse(Feedback feedback, List<(int User, int Item)> cells, double[] truth)
    {
        var all = feedback.ByUser.SelectMany(h => h).ToList();
        var mean = all.Average(w => w.Weight);
        var userMean = feedback.ByUser.Select(h => h.Average(w => w.Weight)).ToArray();
        var itemMean = all.GroupBy(w => w.Item).ToDictionary(g => g.Key, g => g.Average(w => w.Weight));
        var guess = cells.Select(c => userMean[feedback.UserIndex[$"u{c.User:D2}"]] + itemMean[feedback.ItemIndex[$"i{c.Item:D2}"]] - mean);
        return Math.Sqrt(truth.Zip(guess, (t, p) => (t - p) * (t - p)).Average());
    }

    private static double[] Draw(Random rng, int count, double scale) => Enumerable.Range(0, count)
        .Select(_ => scale * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToArray();

    private static double Correlation(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}
