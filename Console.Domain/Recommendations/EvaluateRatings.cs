using System.Diagnostics;

namespace Console.Domain.Recommendations;

/// <summary>
/// Trains every recommender on one rating file and ranks the users of another. Each rated item counts as interest of
/// weight 1 in training, whatever its rating; a test item is relevant when rated at least MinRating.
/// </summary>
public static class EvaluateRatings
{
    public sealed record Command(IReadOnlyList<Rating> Train, IReadOnlyList<Rating> Test, int K = 10, double MinRating = 4,
        FactorOptions? Factors = null);

    public sealed record Outcome(int TrainRatings, int TestRatings, int Users, int Items, int TestUsers, IReadOnlyList<RankingMetrics> Metrics);

    public static Outcome Execute(Command command)
    {
        var train = Feedback.From(command.Train.Select(r => (r.User, r.Item, 0.0)).Distinct().Select(r => (r.User, r.Item, 1.0)));
        var relevant = command.Test.Where(r => r.Value >= command.MinRating)
            .GroupBy(r => r.User, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.Item).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var metrics = Trainers(command.Factors ?? new FactorOptions())
            .Select(t =>
            {
                var clock = Stopwatch.StartNew();
                var scorer = t(train);
                return RankingMetrics.Evaluate(scorer, train, relevant, command.K, clock.Elapsed.TotalSeconds);
            })
            .ToList();
        return new Outcome(command.Train.Count, command.Test.Count, train.Users.Count, train.Items.Count, metrics[0].Users, metrics);
    }

    /// <summary>The baseline first, then each recommender the console can serve.</summary>
    public static IEnumerable<Func<Feedback, IItemScorer>> Trainers(FactorOptions factors) =>
    [
        PopularityScorer.Train,
        CoOccurrenceScorer.Train,
        f => SgdFactorTrainer.Train(f, factors),
    ];
}
