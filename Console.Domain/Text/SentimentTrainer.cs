using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Console.Domain.Text;

/// <summary>A model trained for one language and how it did on that language's held-out fifth.</summary>
public sealed record TrainedSentiment(string Language, SentimentModel Model, SentimentMetrics Metrics);

/// <summary>
/// Trains the classifier of one language: word uni- and bigrams plus character n-grams of the tokens, TF-IDF weighted
/// and L2-normalised, with the lexicon features, into an L2-regularised logistic regression (SDCA on one thread, so
/// the same data gives the same model). Then it scores the held-out fifth and the lexicon baseline on it.
/// </summary>
public static class SentimentTrainer
{
    private static readonly Lazy<TrainedSentiment> ShippedChinese = new(() => Train(SentimentLabels.Chinese, []));
    private static readonly Lazy<TrainedSentiment> ShippedEnglish = new(() => Train(SentimentLabels.English, []));

    /// <summary>The model of the shipped data alone; it is the same every time, so a process trains it once.</summary>
    public static TrainedSentiment Shipped(string language) =>
        language == SentimentLabels.Chinese ? ShippedChinese.Value : ShippedEnglish.Value;

    /// <summary>Trains on the training fifths plus the extra labelled texts (marketers' corrections) and evaluates on the held-out fifth.</summary>
    public static TrainedSentiment Train(string language, IReadOnlyList<LabelledText> extra)
    {
        var split = SentimentCorpus.For(language);
        var train = split.Train.Concat(extra).ToList();
        var model = Fit(language, train);
        var metrics = Evaluate(language, model, train, split.HeldOut);
        return new TrainedSentiment(language, model.WithBand(metrics.NeutralLow, metrics.NeutralHigh), metrics);
    }

    internal static SentimentModel Fit(string language, IReadOnlyList<LabelledText> train)
    {
        var ml = new MLContext(seed: 1);
        var rows = train.Select(t => SentimentInput.From(t.Text, language, t.Positive)).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = language == SentimentLabels.English
                ? new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf }
                : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Text.FeaturizeText("Words", featurize, nameof(SentimentInput.Text))
            .Append(ml.Transforms.Concatenate("Features", "Words", nameof(SentimentInput.Lexicon)))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(SentimentInput.Label),
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
                L2Regularization = language == SentimentLabels.Chinese ? 1e-4f : 1e-3f,
                MaximumNumberOfIterations = 30,
            }));
        return SentimentModel.Of(language, pipeline.Fit(data));
    }

    internal static SentimentMetrics Evaluate(string language, SentimentModel model, IReadOnlyList<LabelledText> train, IReadOnlyList<LabelledText> heldOut)
    {
        var truth = heldOut.Select(t => t.Positive).ToList();
        var positive = model.Probabilities(heldOut.Select(t => t.Text).ToList());
        var (accuracy, macroF1) = SentimentMetrics.Score(truth, positive.Select(p => p >= 0.5).ToList());
        var (baseAccuracy, baseF1) = SentimentMetrics.Score(truth, Baseline(language, train, heldOut));
        var (low, high) = SentimentMetrics.NeutralBand(truth, positive);
        var outside = Enumerable.Range(0, truth.Count).Where(i => positive[i] < low || positive[i] >= high).ToList();
        var outsideAccuracy = outside.Count == 0 ? 0 : outside.Count(i => positive[i] >= high == truth[i]) / (double)outside.Count;
        return new SentimentMetrics(train.Count, heldOut.Count, accuracy, macroF1, baseAccuracy, baseF1, low, high,
            1 - outside.Count / (double)truth.Count, outsideAccuracy);
    }

    /// <summary>VADER for English (compound above 0 is positive); for Chinese the word list read off the training texts (above 0 is positive).</summary>
    internal static IReadOnlyList<bool> Baseline(string language, IReadOnlyList<LabelledText> train, IReadOnlyList<LabelledText> heldOut)
    {
        if (language == SentimentLabels.English) return heldOut.Select(t => SentimentLexicon.English(t.Text).Compound > 0).ToList();
        var lexicon = SentimentLexicon.ChineseLexicon(train.Select(t => (TextTokens.ForSentiment(t.Text, language), t.Positive)).ToList());
        return heldOut.Select(t => SentimentLexicon.Chinese(TextTokens.ForSentiment(t.Text, language), lexicon) > 0).ToList();
    }
}
