namespace Console.Domain.Text;

/// <summary>
/// Lexicon scores: VADER's valences for English (with its rule that a negation up to three words before a word turns
/// it by −0.74), and for Chinese a word list read off the training fifths (see <see cref="ChineseLexicon"/>).
/// </summary>
public static class SentimentLexicon
{
    private static readonly HashSet<string> EnglishNegations = ["not", "no", "never", "nor", "without", "cannot", "nothing", "none", "neither"];
    private static readonly HashSet<string> ChineseNegations = ["不", "没", "没有", "不是", "不会", "不太", "别", "无"];

    /// <summary>VADER's normalised compound score in (−1, 1), and the summed positive and negative valences.</summary>
    public static (double Compound, double Positive, double Negative) English(string text)
    {
        var words = TextTokens.EnglishWords(text).ToList();
        double positive = 0, negative = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!SentimentCorpus.VaderLexicon.TryGetValue(words[i], out var valence)) continue;
            for (var back = 1; back <= 3 && i - back >= 0; back++)
                if (EnglishNegations.Contains(words[i - back])) { valence *= -0.74; break; }
            if (valence > 0) positive += valence; else negative -= valence;
        }
        var sum = positive - negative;
        return (sum / Math.Sqrt(sum * sum + 15), positive, negative);
    }

    /// <summary>The summed weights of lexicon words among Chinese tokens, a negation just before a word turning it.</summary>
    public static double Chinese(IReadOnlyList<string> tokens, IReadOnlyDictionary<string, double> lexicon)
    {
        double sum = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!lexicon.TryGetValue(tokens[i], out var weight)) continue;
            var negated = (i >= 1 && ChineseNegations.Contains(tokens[i - 1])) || (i >= 2 && ChineseNegations.Contains(tokens[i - 2]));
            sum += negated ? -weight : weight;
        }
        return sum;
    }

    /// <summary>
    /// The 150 most positive and 150 most negative words of the training texts by smoothed log-odds among words in at
    /// least 30 of them, weighted ±1. Built from the training fifths only, so the held-out fifth stays unseen.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ChineseLexicon(IReadOnlyList<(IReadOnlyList<string> Tokens, bool Positive)> train)
    {
        var pos = new Dictionary<string, int>(StringComparer.Ordinal);
        var neg = new Dictionary<string, int>(StringComparer.Ordinal);
        int positives = 0, negatives = 0;
        foreach (var (tokens, positive) in train)
        {
            if (positive) positives++; else negatives++;
            foreach (var t in tokens.Distinct())
            {
                if (StopWords.Modifiers.Contains(t)) continue;
                var counts = positive ? pos : neg;
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }
        var scored = pos.Keys.Union(neg.Keys)
            .Select(t => (Term: t, P: pos.GetValueOrDefault(t), N: neg.GetValueOrDefault(t)))
            .Where(x => x.P + x.N >= 30)
            .Select(x => (x.Term, Score: Math.Log((x.P + 1.0) / (positives + 2.0)) - Math.Log((x.N + 1.0) / (negatives + 2.0))))
            .OrderBy(x => x.Score).ThenBy(x => x.Term, StringComparer.Ordinal).ToList();
        var lexicon = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, score) in scored.Take(150)) if (score < 0) lexicon[term] = -1;
        foreach (var (term, score) in scored.AsEnumerable().Reverse().Take(150)) if (score > 0) lexicon[term] = 1;
        return lexicon;
    }
}
