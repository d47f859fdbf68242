namespace Console.Domain.Text;

/// <summary>The terms that weigh most across a set of texts, by TF-IDF summed over the texts.</summary>
public static class Keywords
{
    public static IReadOnlyList<KeywordWeight> Top(IReadOnlyList<string> texts, int top)
    {
        if (texts.Count == 0 || top <= 0) return [];
        var vectors = TermVectors.Of(texts);
        var weights = new double[vectors.Terms.Count];
        foreach (var vector in vectors.Vectors)
            foreach (var (term, weight) in vector) weights[term] += weight;
        return Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => weights[i]).ThenBy(i => vectors.Terms[i], StringComparer.Ordinal)
            .Take(top)
            .Select(i => new KeywordWeight(vectors.Shown[i], Math.Round(weights[i], 6), vectors.Counts[i]))
            .ToList();
    }
}
