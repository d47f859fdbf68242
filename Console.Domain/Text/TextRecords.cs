namespace Console.Domain.Text;

/// <summary>The sentiment of one text: its language ("zh" or "en"), label ("positive", "neutral", "negative") and P(positive).</summary>
public sealed record SentimentScore(string Language, string Label, double Positive);

/// <summary>Scores free text in Chinese and English with the active model; safe to call from many threads at once.</summary>
public interface ISentimentScorer
{
    IReadOnlyList<SentimentScore> Score(IReadOnlyList<string> texts);
}

/// <summary>A term of a set of texts, its summed TF-IDF weight and how often it occurs.</summary>
public sealed record KeywordWeight(string Term, double Weight, int Count);

/// <summary>A cluster of texts: a label from its top terms, its share of all texts, the indexes of its members and of its most typical ones.</summary>
public sealed record TextTheme(string Label, double Share, IReadOnlyList<int> Members, IReadOnlyList<int> Examples);

/// <summary>A label a marketer gave a text by hand; the weekly retraining folds it in.</summary>
public sealed record SentimentCorrection(long Id, string Text, string Language, string Label, string CorrectedBy, DateTime CorrectedAt);

/// <summary>The labels and languages the text analysis speaks of.</summary>
public static class SentimentLabels
{
    public const string Positive = "positive";
    public const string Neutral = "neutral";
    public const string Negative = "negative";
    public const string Chinese = "zh";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Positive, Neutral, Negative];

    public static IReadOnlyList<string> Languages { get; } = [Chinese, English];
}
