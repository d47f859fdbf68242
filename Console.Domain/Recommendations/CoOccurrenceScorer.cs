namespace Console.Domain.Recommendations;

/// <summary>
/// Item-to-item "bought together": an item scores the sum of its cosine similarities to the items in the user's history,
/// each weighted by the user's interest. Similarity is the cosine of two items' weight columns over all users.
/// </summary>
public sealed class CoOccurrenceScorer(int items, float[] similarity, double[] popularity) : IItemScorer
{
    // Below any real similarity: items nothing points at still come in order of popularity, not of their keys.
    private const double PopularityTieBreak = 1e-6;

    public string Name => RecommenderNames.CoOccurrence;

    public int ItemCount => items;

    /// <summary>Row-major items × items; the diagonal is zero.</summary>
    public ReadOnlySpan<float> Similarity => similarity;

    public IReadOnlyList<double> Popularity => popularity;

    public double Between(int a, int b) => similarity[a * items + b];

    public static CoOccurrenceScorer Train(Feedback feedback)
    {
        var n = feedback.Items.Count;
        var dot = new double[n * n];
        var norm = new double[n];
        foreach (var user in feedback.ByUser)
        {
            foreach (var a in user)
            {
                norm[a.Item] += a.Weight * a.Weight;
                foreach (var b in user)
                    if (a.Item != b.Item) dot[a.Item * n + b.Item] += a.Weight * b.Weight;
            }
        }
        var similarity = new float[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                if (dot[a * n + b] > 0) similarity[a * n + b] = (float)(dot[a * n + b] / Math.Sqrt(norm[a] * norm[b]));
        return new CoOccurrenceScorer(n, similarity, [.. PopularityScorer.Train(feedback).Popularity]);
    }

    public void Score(int user, ReadOnlySpan<ItemWeight> history, Span<double> scores)
    {
        var top = Math.Max(1, popularity.Max());
        for (var i = 0; i < items; i++) scores[i] = PopularityTieBreak * popularity[i] / top;
        foreach (var h in history)
        {
            var row = similarity.AsSpan(h.Item * items, items);
            for (var i = 0; i < items; i++) scores[i] += h.Weight * row[i];
        }
    }

    /// <summary>The items most often chosen with <paramref name="item"/>, strongest first, only those with any similarity.</summary>
    public IEnumerable<(int Item, double Similarity)> Neighbours(int item) =>
        Enumerable.Range(0, items).Select(i => (Item: i, Similarity: (double)similarity[item * items + i]))
            .Where(p => p.Similarity > 0).OrderByDescending(p => p.Similarity).ThenBy(p => p.Item);
}
