using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Console.Domain.Text;

/// <summary>A model trained for one language and how it did on that language's held-out fifth.</summary>
public sealed record TrainedSentiment(string Language, SentimentModel Model, SentimentMetrics Metrics);

/// <summary>A labelled text with its tokens, read once and reused by training, evaluation and the baseline.</summary>
internal sealed record PreparedText(LabelledText Source, IReadOnlyList<string> Tokens, SentimentInput Input);

/// <summary>
/// Trains the classifier of one language: word uni- and bigrams of the tokens and character n-grams, TF-IDF
/// weighted and L2-normalised, with the lexicon features, into an L2-regularised logistic regression (L-BFGS on one
/// thread, so the same data gives the same model). Then it scores the held-out fifth and the lexicon baseline on it.
/// </summary>
public static class SentimentTrainer
{
    private static readonly ConcurrentDictionary<string, Lazy<TrainedSentiment>> ShippedModels = new();
    private static readonly ConcurrentDictionary<string, Lazy<(List<PreparedText> Train, List<PreparedText> HeldOut)>> Prepared = new();

    /// <summary>The model of the shipped data alone; it is the same every time, so a process trains it once.</summary>
    public static TrainedSentiment Shipped(string language) =>
        ShippedModels.GetOrAdd(language, l => new Lazy<TrainedSentiment>(() => Train(l, []))).Value;

    /// <summary>Trains on the training fifths plus the extra labelled texts (marketers' corrections) and evaluates on the held-out fifth.</summary>
    public static TrainedSentiment Train(string language, IReadOnlyList<LabelledText> extra)
    {
        var (shippedTrain, heldOut) = Corpus(language);
        var train = shippedTrain.Concat(Prepare(language, extra)).ToList();
        var model = Fit(language, train);
        var metrics = Evaluate(language, model, train, heldOut);
        return new TrainedSentiment(language, model.WithBand(metrics.NeutralLow, metrics.NeutralHigh), metrics);
    }

    /// <summary>
    /// At most this many training texts per label and language, taken evenly through the file: jieba cuts about a
    /// thousand reviews a second on one core, and past some ten thousand reviews the held-out scores barely move.
    /// </summary>
    public const int TrainPerLabel = 5000;

    private static (List<PreparedText> Train, List<PreparedText> HeldOut) Corpus(string language) =>
        Prepared.GetOrAdd(language, l => new Lazy<(List<PreparedText>, List<PreparedText>)>(() =>
        {
            var split = SentimentCorpus.For(l);
            var train = split.Train.GroupBy(t => t.Positive).OrderBy(g => g.Key).SelectMany(g => Evenly(g.ToList(), TrainPerLabel)).ToList();
            return (Prepare(l, train), Prepare(l, split.HeldOut));
        })).Value;

    private static IEnumerable<LabelledText> Evenly(List<LabelledText> texts, int count) =>
        texts.Count <= count ? texts : Enumerable.Range(0, count).Select(i => texts[(int)((long)i * texts.Count / count)]);

    internal static List<PreparedText> Prepare(string language, IReadOnlyList<LabelledText> texts) =>
        texts.AsParallel().AsOrdered().Select(t =>
        {
            var tokens = TextTokens.ForSentiment(t.Text, language);
            return new PreparedText(t, tokens, SentimentInput.From(t.Text, tokens, language, t.Positive));
        }).ToList();

    internal static SentimentModel Fit(string language, IReadOnlyList<PreparedText> train)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(train.Select(t => t.Input));
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Text.FeaturizeText("Words", featurize, nameof(SentimentInput.Text))
            .Append(ml.Transforms.Concatenate("Features", "Words", nameof(SentimentInput.Lexicon)))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(SentimentInput.Label),
                FeatureColumnName = "Features",
                L2Regularization = 0.5f,
                L1Regularization = 0,
                MaximumNumberOfIterations = 100,
                NumberOfThreads = 1,
            }));
        return SentimentModel.Of(language, pipeline.Fit(data));
    }

    internal static SentimentMetrics Evaluate(string language, SentimentModel model, IReadOnlyList<PreparedText> train, IReadOnlyList<PreparedText> heldOut)
    {
        var truth = heldOut.Select(t => t.Source.Positive).ToList();
        var positive = model.ProbabilitiesOf(heldOut.Select(t => t.Input).ToList());
        var (accuracy, macroF1) = SentimentMetrics.Score(truth, positive.Select(p => p >= 0.5).ToList());
        var (baseAccuracy, baseF1) = SentimentMetrics.Score(truth, Baseline(language, train, heldOut));
        var (low, high) = SentimentMetrics.NeutralBand(truth, positive);
        var outside = Enumerable.Range(0, truth.Count).Where(i => positive[i] < low || positive[i] >= high).ToList();
        var outsideAccuracy = outside.Count == 0 ? 0 : outside.Count(i => positive[i] >= high == truth[i]) / (double)outside.Count;
        return new SentimentMetrics(train.Count, heldOut.Count, accuracy, macroF1, baseAccuracy, baseF1, low, high,
            1 - outside.Count / (double)truth.Count, outsideAccuracy);
    }

    /// <summary>
    /// The English check across domains: trained on every sentence of one source (amazon or imdb) and scored on every
    /// sentence of the other, with the VADER baseline on the same sentences.
    /// </summary>
    public static (double Accuracy, double MacroF1, double BaselineAccuracy, double BaselineMacroF1) CrossDomain(string trainDomain, string testDomain)
    {
        var split = SentimentCorpus.For(SentimentLabels.English);
        var all = split.Train.Concat(split.HeldOut).ToList();
        var train = Prepare(SentimentLabels.English, all.Where(t => t.Domain == trainDomain).ToList());
        var test = Prepare(SentimentLabels.English, all.Where(t => t.Domain == testDomain).ToList());
        var model = Fit(SentimentLabels.English, train);
        var truth = test.Select(t => t.Source.Positive).ToList();
        var (accuracy, macroF1) = SentimentMetrics.Score(truth, model.ProbabilitiesOf(test.Select(t => t.Input).ToList()).Select(p => p >= 0.5).ToList());
        var (baseAccuracy, baseF1) = SentimentMetrics.Score(truth, Baseline(SentimentLabels.English, train, test));
        return (accuracy, macroF1, baseAccuracy, baseF1);
    }

    /// <summary>VADER for English (compound above 0 is positive); for Chinese the word list read off the training texts (above 0 is positive).</summary>
    internal static IReadOnlyList<bool> Baseline(string language, IReadOnlyList<PreparedText> train, IReadOnlyList<PreparedText> heldOut)
    {
        if (language == SentimentLabels.English) return heldOut.Select(t => SentimentLexicon.English(t.Source.Text).Compound > 0).ToList();
        var lexicon = SentimentLexicon.ChineseLexicon(train.Select(t => (t.Tokens, t.Source.Positive)).ToList());
        return heldOut.Select(t => SentimentLexicon.Chinese(t.Tokens, lexicon) > 0).ToList();
    }
}
