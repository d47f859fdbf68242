using Console.Domain.Text;

namespace Console.Tests.Text;

/// <summary>
/// The model trained on the shipped training fifths, scored on the held-out fifth of each language. The training runs
/// once per test run (SentimentTrainer memoises the shipped model), and these are floors, not timings.
/// </summary>
public sealed class SentimentAccuracyTests
{
    [Theory]
    [InlineData("zh", 0.82)]
    [InlineData("en", 0.78)]
    public void The_held_out_fifth_is_scored_above_the_floor_and_ahead_of_the_lexicon(string language, double floor)
    {
        var metrics = SentimentTrainer.Shipped(language).Metrics;
        Assert.True(metrics.Accuracy >= floor, $"{language} accuracy {metrics.Accuracy:F4} under {floor}");
        Assert.True(metrics.MacroF1 >= floor - 0.02, $"{language} macro-F1 {metrics.MacroF1:F4}");
        Assert.True(metrics.Accuracy > metrics.BaselineAccuracy, $"{language} {metrics.Accuracy:F4} not ahead of the lexicon's {metrics.BaselineAccuracy:F4}");
        Assert.Equal(SentimentCorpus.For(language).HeldOut.Count, metrics.HeldOutRows);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void The_held_out_fifth_is_every_fifth_line_and_never_trained_on(string language)
    {
        var split = SentimentCorpus.For(language);
        var all = split.Train.Count + split.HeldOut.Count;
        Assert.InRange(split.HeldOut.Count, all / 5 - 2, all / 5 + 2);
        Assert.Contains(split.HeldOut, t => t.Positive);
        Assert.Contains(split.HeldOut, t => !t.Positive);
        Assert.Equal(split.HeldOut, SentimentCorpus.For(language).HeldOut);
    }

    [Fact]
    public void The_neutral_band_holds_at_most_a_tenth_of_the_held_out_texts()
    {
        foreach (var language in SentimentLabels.Languages)
        {
            var trained = SentimentTrainer.Shipped(language);
            Assert.True(trained.Metrics.NeutralLow <= 0.5 && trained.Metrics.NeutralHigh >= 0.5, trained.Metrics.ToString());
            Assert.True(trained.Metrics.NeutralShare <= 0.1 + 1e-9, trained.Metrics.ToString());
            Assert.Equal(SentimentLabels.Positive, trained.Model.LabelOf(trained.Metrics.NeutralHigh));
            Assert.Equal(SentimentLabels.Negative, trained.Model.LabelOf(trained.Metrics.NeutralLow - 0.001));
            if (trained.Metrics.NeutralLow < trained.Metrics.NeutralHigh)
                Assert.Equal(SentimentLabels.Neutral, trained.Model.LabelOf(trained.Metrics.NeutralLow));
        }
    }

    [Fact]
    public void Plain_reviews_of_another_domain_go_the_right_way_in_both_languages()
    {
        var zh = SentimentTrainer.Shipped("zh").Model.Probabilities(["老师讲得非常好，内容很实用，推荐购买", "直播一直卡顿，声音听不清，太失望了，要求退款"]);
        var en = SentimentTrainer.Shipped("en").Model.Probabilities(["The teacher explained everything clearly, a great course", "The stream kept freezing, terrible sound, I want a refund"]);
        Assert.True(zh[0] > 0.5 && zh[1] < 0.5, string.Join(", ", zh));
        Assert.True(en[0] > 0.5 && en[1] < 0.5, string.Join(", ", en));
    }
}
