namespace Console.Domain.Recommendations;

/// <summary>A trained recommender: fills a score per catalogue item for one user; higher means recommend sooner.</summary>
public interface IItemScorer
{
    /// <summary>The name the evaluation prints: popularity, cooccurrence or factors.</summary>
    string Name { get; }

    /// <summary>
    /// Scores every item for the user. <paramref name="user"/> is the user's training index, or -1 for someone the model
    /// never saw; <paramref name="history"/> is what the user has shown interest in (it may be newer than the training).
    /// </summary>
    void Score(int user, ReadOnlySpan<ItemWeight> history, Span<double> scores);
}
