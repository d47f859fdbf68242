using Microsoft.ML;
using Microsoft.ML.Data;

namespace Console.Domain.Text;

/// <summary>One row the classifier reads: the tokens joined by spaces and three lexicon features.</summary>
internal sealed class SentimentInput
{
    public string Text { get; set; } = "";

    public bool Label { get; set; }

    [VectorType(3)]
    public float[] Lexicon { get; set; } = new float[3];

    public static SentimentInput From(string text, string language, bool label = false) =>
        From(text, TextTokens.ForSentiment(text, language), language, label);

    public static SentimentInput From(string text, IReadOnlyList<string> tokens, string language, bool label)
    {
        var lexicon = new float[3];
        if (language == SentimentLabels.English)
        {
            var (compound, positive, negative) = SentimentLexicon.English(text);
            lexicon = [(float)compound, (float)(positive / (positive + negative + 1)), (float)(negative / (positive + negative + 1))];
        }
        return new SentimentInput { Text = string.Join(' ', tokens), Label = label, Lexicon = lexicon };
    }
}

internal sealed class SentimentOutput
{
    public float Probability { get; set; }
}

/// <summary>
/// A trained classifier of one language with its neutral band: P(positive) below Low is negative, at or above High
/// positive, and between them neutral. Transform is safe on many threads, so one instance serves every request.
/// </summary>
public sealed class SentimentModel
{
    private static readonly MLContext Ml = new(seed: 1);
    private readonly ITransformer _transformer;

    private SentimentModel(string language, ITransformer transformer, double low, double high) =>
        (Language, _transformer, Low, High) = (language, transformer, low, high);

    public string Language { get; }
    public double Low { get; }
    public double High { get; }

    internal static SentimentModel Of(string language, ITransformer transformer, double low = 0.5, double high = 0.5) =>
        new(language, transformer, low, high);

    public SentimentModel WithBand(double low, double high) => new(Language, _transformer, low, high);

    public static SentimentModel Load(string language, byte[] bytes, double low, double high)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return new SentimentModel(language, Ml.Model.Load(stream, out _), low, high);
    }

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        Ml.Model.Save(_transformer, null, stream);
        return stream.ToArray();
    }

    /// <summary>P(positive) of each text, in order.</summary>
    public IReadOnlyList<double> Probabilities(IReadOnlyList<string> texts) =>
        ProbabilitiesOf(texts.Select(t => SentimentInput.From(t, Language)).ToList());

    internal IReadOnlyList<double> ProbabilitiesOf(IReadOnlyList<SentimentInput> inputs)
    {
        if (inputs.Count == 0) return [];
        var scored = _transformer.Transform(Ml.Data.LoadFromEnumerable(inputs));
        return Ml.Data.CreateEnumerable<SentimentOutput>(scored, reuseRowObject: false).Select(o => (double)o.Probability).ToList();
    }

    public string LabelOf(double positive) =>
        positive >= High ? SentimentLabels.Positive : positive < Low ? SentimentLabels.Negative : SentimentLabels.Neutral;
}
