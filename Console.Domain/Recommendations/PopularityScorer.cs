namespace Console.Domain.Recommendations;

/// <summary>The baseline: every user gets the items most users showed interest in.</summary>
public sealed class PopularityScorer(double[] popularity) : IItemScorer
{
    public string Name => RecommenderNames.Popularity;

    /// <summary>Per item, how many users showed any interest in it.</summary>
    public IReadOnlyList<double> Popularity => popularity;

    public static PopularityScorer Train(Feedback feedback)
    {
        var counts = new double[feedback.Items.Count];
        foreach (var user in feedback.ByUser)
            foreach (var w in user) counts[w.Item] += 1;
        return new PopularityScorer(counts);
    }

    public void Score(int user, ReadOnlySpan<ItemWeight> history, Span<double> scores) => popularity.AsSpan().CopyTo(scores);
}
