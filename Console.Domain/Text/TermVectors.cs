namespace Console.Domain.Text;

/// <summary>
/// TF-IDF over the terms of a set of texts (jieba words for Chinese, stems for English, stop words dropped): each
/// text's terms with tf = count / length and idf = ln((1 + n) / (1 + df)) + 1, the form scikit-learn smooths with.
/// Terms are numbered in ordinal order, so the same texts always give the same vectors.
/// </summary>
internal sealed class TermVectors
{
    private TermVectors(IReadOnlyList<string> terms, IReadOnlyList<string> shown, IReadOnlyList<int> counts,
        IReadOnlyList<Dictionary<int, double>> vectors) => (Terms, Shown, Counts, Vectors) = (terms, shown, counts, vectors);

    public IReadOnlyList<string> Terms { get; }

    /// <summary>What a person reads for each term: its commonest surface form (the stem "price" came from "prices", "priced").</summary>
    public IReadOnlyList<string> Shown { get; }

    public IReadOnlyList<int> Counts { get; }

    /// <summary>Per text, its TF-IDF weights by term index; empty for a text with no terms.</summary>
    public IReadOnlyList<Dictionary<int, double>> Vectors { get; }

    public static TermVectors Of(IReadOnlyList<string> texts)
    {
        var tokenised = texts.AsParallel().AsOrdered()
            .Select(t => string.IsNullOrWhiteSpace(t) ? [] : TextTokens.ForTerms(t, TextLanguage.Detect(t))).ToList();
        var surfaces = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in tokenised)
        {
            foreach (var (token, surface) in tokens)
            {
                if (!surfaces.TryGetValue(token, out var forms)) surfaces[token] = forms = new(StringComparer.Ordinal);
                forms[surface] = forms.GetValueOrDefault(surface) + 1;
            }
            foreach (var token in tokens.Select(t => t.Token).Distinct()) df[token] = df.GetValueOrDefault(token) + 1;
        }
        var terms = df.Keys.Order(StringComparer.Ordinal).ToList();
        var index = terms.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var shown = terms.Select(t => surfaces[t].OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key).ToList();
        var counts = terms.Select(t => surfaces[t].Values.Sum()).ToList();
        var n = texts.Count;
        var vectors = tokenised.Select(tokens =>
        {
            var vector = new Dictionary<int, double>();
            foreach (var group in tokens.GroupBy(t => t.Token))
                vector[index[group.Key]] = (double)group.Count() / tokens.Count * (Math.Log((1.0 + n) / (1.0 + df[group.Key])) + 1);
            return vector;
        }).ToList();
        return new TermVectors(terms, shown, counts, vectors);
    }
}
