using System.Globalization;

namespace Console.Domain.Text;

/// <summary>A labelled text of the shipped corpus; Domain names where it came from (reviews, amazon, imdb, a correction).</summary>
public sealed record LabelledText(string Text, bool Positive, string Domain);

/// <summary>The shipped training text of one language, split for good: every fifth line of each file is held out.</summary>
public sealed record SentimentSplit(string Language, IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> HeldOut);

/// <summary>Reads the labelled text and the English lexicon that Console.Domain carries as embedded resources.</summary>
public static class SentimentCorpus
{
    private static readonly Lazy<SentimentSplit> ChineseSplit = new(() => Split(SentimentLabels.Chinese,
        Lines("zh-reviews-positive.txt").Select(l => new LabelledText(l, true, "reviews")),
        Lines("zh-reviews-negative.txt").Select(l => new LabelledText(l, false, "reviews"))));

    private static readonly Lazy<SentimentSplit> EnglishSplit = new(() => Split(SentimentLabels.English,
        Sentences("en-amazon-sentences.tsv", "amazon"), Sentences("en-imdb-sentences.tsv", "imdb")));

    private static readonly Lazy<IReadOnlyDictionary<string, double>> Vader = new(ReadVader);

    public static SentimentSplit For(string language) => language == SentimentLabels.Chinese ? ChineseSplit.Value : EnglishSplit.Value;

    /// <summary>VADER's valence per lower-case token, from −4 to +4.</summary>
    public static IReadOnlyDictionary<string, double> VaderLexicon => Vader.Value;

    private static SentimentSplit Split(string language, params IEnumerable<LabelledText>[] files)
    {
        var train = new List<LabelledText>();
        var heldOut = new List<LabelledText>();
        foreach (var file in files)
        {
            var i = 0;
            foreach (var text in file) (++i % 5 == 0 ? heldOut : train).Add(text);
        }
        return new SentimentSplit(language, train, heldOut);
    }

    private static IEnumerable<LabelledText> Sentences(string name, string domain) =>
        Lines(name).Select(l => l.Split('\t')).Where(p => p.Length == 2)
            .Select(p => new LabelledText(p[0].Trim(), p[1].Trim() == "1", domain));

    private static IReadOnlyDictionary<string, double> ReadVader()
    {
        var lexicon = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parts in Lines("en-vader-lexicon.tsv").Select(l => l.Split('\t')).Where(p => p.Length >= 2))
            if (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
                lexicon[parts[0]] = valence;
        return lexicon;
    }

    private static List<string> Lines(string name)
    {
        using var stream = typeof(SentimentCorpus).Assembly.GetManifestResourceStream("text/" + name)
            ?? throw new InvalidOperationException($"The corpus file {name} is not embedded in Console.Domain.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line)) lines.Add(line.Trim());
        return lines;
    }
}
