using System.Globalization;
using Console.Domain.Models;
using Console.Domain.Recommendations;
using Console.Tests.Models;

namespace Console.Tests.Recommendations;

/// <summary>
/// A recommender candidate is promoted only when it beats the active version's recipe on the candidate's own hold-out:
/// the active figure is computed there, from the same customers, not taken from the active version's older window.
/// </summary>
public sealed class RecommenderPromotionTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly ModelRegistry _registry;

    public RecommenderPromotionTests() => _registry = new ModelRegistry(_store.Db, TimeProvider.System);

    public void Dispose() => _store.Dispose();

    /// <summary>
    /// Ten pairs of courses (k-1 then k-11, k-2 then k-12 …) bought ten days apart, and ten single courses (k-21 … k-30)
    /// that every customer buys three of, so the singles are the most popular and only "bought together" finds the second
    /// course of a pair. Customers from..to buy their first course a little later each.
    /// </summary>
    private async Task SeedAsync(int from, int to, bool courses)
    {
        var data = new ModelsData(_store.Db);
        if (courses)
            for (var k = 1; k <= 30; k++) data.Course(k, k <= 20 ? "Pairs" : "Singles");
        for (var c = from; c <= to; c++)
        {
            var first = ModelsData.T0.AddHours(c * 0.45 * 24);
            data.Customer(c);
            for (var s = 0; s < 3; s++) data.Order(c, 21 + (c * 7 + s * 3) % 10, first.AddHours(-2 - s));
            data.Order(c, 1 + c % 10, first).Order(c, 11 + c % 10, first.AddDays(10));
        }
        await data.SaveAsync();
    }

    private async Task<(TrainModel.Outcome.Trained Outcome, TrainingRun Run)> TrainAsync(params string[] choices)
    {
        var trainer = new RecommenderTrainer(new StoreFeedback(_store.Db), _registry, TimeProvider.System) { Choices = choices };
        var outcome = Assert.IsType<TrainModel.Outcome.Trained>(
            await new TrainModel(_store.Db, _registry, [trainer], TimeProvider.System).RunAsync(RecommenderModel.Kind, CancellationToken.None));
        var run = Assert.Single(await new TrainingRuns(_store.Db).ListAsync(CancellationToken.None));
        return (outcome, run);
    }

    private static DateTime HoldOutFrom(ModelVersion v) =>
        DateTime.Parse(v.Options["hold_out_from"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task A_worse_candidate_is_not_promoted_and_the_active_figure_comes_from_the_candidates_window()
    {
        await SeedAsync(0, 199, courses: true);
        var (first, _) = await TrainAsync(RecommenderNames.CoOccurrence);
        Assert.True(first.Promoted);

        // The same data, a recipe that cannot see pairs: the active recipe is refitted on the same cut and wins there.
        var (same, sameRun) = await TrainAsync(RecommenderNames.Popularity);
        Assert.False(same.Promoted);
        var candidate = same.Candidate;
        Assert.Equal(ModelStatus.Candidate, candidate.Status);
        Assert.Equal(first.Candidate.Id, await _registry.ActiveIdAsync(RecommenderModel.Kind, CancellationToken.None));
        Assert.True(candidate.Metrics[RecommenderTrainer.Metric] < candidate.Metrics["cooccurrence_precision_at_10"],
            $"popularity {candidate.Metrics[RecommenderTrainer.Metric]}, co-occurrence {candidate.Metrics["cooccurrence_precision_at_10"]}");
        Assert.Equal(candidate.Metrics["cooccurrence_precision_at_10"], candidate.ComparedMetrics![RecommenderTrainer.Metric]);
        Assert.Equal((RecommenderTrainer.Metric, candidate.Metrics[RecommenderTrainer.Metric], first.Candidate.Id, false),
            (sameRun.ComparedMetric, sameRun.CandidateFigure, sameRun.ActiveId, sameRun.Promoted));
        Assert.Equal(candidate.ComparedMetrics[RecommenderTrainer.Metric], sameRun.ActiveFigure);
        Assert.Equal(HoldOutFrom(candidate), sameRun.EvaluatedFrom);

        // Sixty more customers move the hold-out later. The active version is refitted on the data before its own cut
        // and ranked on the new hold-out: the same customers as the candidate, not its stored figure from the old one.
        await SeedAsync(200, 259, courses: false);
        var (later, laterRun) = await TrainAsync(RecommenderNames.Popularity);
        Assert.False(later.Promoted);
        var newer = later.Candidate;
        Assert.True(HoldOutFrom(newer) > HoldOutFrom(first.Candidate));
        Assert.Equal(HoldOutFrom(newer), laterRun.EvaluatedFrom);
        Assert.Equal(newer.Metrics["hold_out_customers"], newer.ComparedMetrics!["hold_out_customers"]);
        Assert.NotEqual(first.Candidate.Metrics["hold_out_customers"], newer.ComparedMetrics["hold_out_customers"]);
        Assert.NotEqual(first.Candidate.Metrics[RecommenderTrainer.Metric], laterRun.ActiveFigure);
        Assert.True(laterRun.ActiveFigure > laterRun.CandidateFigure, $"active {laterRun.ActiveFigure}, candidate {laterRun.CandidateFigure}");
    }

    [Fact]
    public async Task A_better_candidate_is_promoted_over_the_active_recipe_scored_on_the_same_hold_out()
    {
        await SeedAsync(0, 199, courses: true);
        var (first, _) = await TrainAsync(RecommenderNames.Popularity);
        Assert.True(first.Promoted);

        var (better, run) = await TrainAsync(RecommenderNames.CoOccurrence, RecommenderNames.Popularity);
        Assert.True(better.Promoted);
        Assert.Equal(RecommenderNames.CoOccurrence, better.Candidate.Options["recommender"]);
        Assert.Equal(better.Candidate.Id, await _registry.ActiveIdAsync(RecommenderModel.Kind, CancellationToken.None));
        Assert.Equal(better.Candidate.Metrics["popularity_precision_at_10"], run.ActiveFigure);
        Assert.Equal(better.Candidate.Metrics[RecommenderTrainer.Metric], run.CandidateFigure);
        Assert.True(run.CandidateFigure > run.ActiveFigure);
        Assert.Equal(HoldOutFrom(better.Candidate), run.EvaluatedFrom);
        Assert.Equal(ModelStatus.Retired, (await _registry.GetAsync(first.Candidate.Id, CancellationToken.None))!.Status);
    }
}
