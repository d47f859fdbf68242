using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Console.Domain.Models;

namespace Console.Domain.Recommendations;

/// <summary>
/// Trains kind "recommender": cuts the store's order span at its last fifth, trains popularity, co-occurrence and factors
/// on what happened before the cut and ranks each customer's later purchases with them, never offering a course bought
/// before the cut. The recommender with the best precision@10 is then trained on everything and stored as the candidate.
/// </summary>
public sealed class RecommenderTrainer(StoreFeedback store, TimeProvider clock) : IModelTrainer
{
    public const int K = 10;
    public const string Metric = "precision_at_10";
    private const double HoldOutShare = 0.2;

    public static FactorOptions Factors { get; } = new(Factors: 16, LearningRate: 0.03, Regularisation: 0.01, Epochs: 20, NegativesPerPositive: 3, Seed: 42);

    public string Kind => RecommenderModel.Kind;

    public sealed record Evaluation(DateTime Cut, int TrainRows, IReadOnlyList<RankingMetrics> Metrics)
    {
        /// <summary>The best precision@10; on a tie the simpler recommender, which comes first.</summary>
        public RankingMetrics Best => Metrics.Aggregate((best, m) => m.Precision > best.Precision ? m : best);
    }

    public async Task<TrainingOutcome> TrainAsync(TrainingProgress progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var span = await store.OrderSpanAsync(ct) ?? throw new InvalidOperationException("The store holds no orders to learn from.");
        await progress.ReportAsync("evaluating", 0.05, ct);
        var evaluation = await EvaluateAsync(span, ct);
        var best = evaluation.Best;
        await progress.ReportAsync("training", 0.6, ct);
        var (model, rows) = await TrainServedAsync(best.Recommender, now, ct);

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Metric] = best.Precision,
            ["recall_at_10"] = best.Recall,
            ["ndcg_at_10"] = best.Ndcg,
            ["coverage"] = best.Coverage,
            ["hold_out_customers"] = best.Users,
        };
        foreach (var m in evaluation.Metrics)
        {
            metrics[$"{m.Recommender}_precision_at_10"] = m.Precision;
            metrics[$"{m.Recommender}_train_seconds"] = Math.Round(m.TrainSeconds, 3);
        }
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["recommender"] = best.Recommender,
            ["hold_out_from"] = evaluation.Cut.ToString("O", CultureInfo.InvariantCulture),
            ["factors"] = Factors.Factors.ToString(CultureInfo.InvariantCulture),
            ["learning_rate"] = Factors.LearningRate.ToString(CultureInfo.InvariantCulture),
            ["regularisation"] = Factors.Regularisation.ToString(CultureInfo.InvariantCulture),
            ["epochs"] = Factors.Epochs.ToString(CultureInfo.InvariantCulture),
            ["negatives_per_positive"] = Factors.NegativesPerPositive.ToString(CultureInfo.InvariantCulture),
            ["seed"] = Factors.Seed.ToString(CultureInfo.InvariantCulture),
        };
        var report = JsonSerializer.Serialize(evaluation.Metrics.Select(m => new
        {
            recommender = m.Recommender, precision = m.Precision, recall = m.Recall, ndcg = m.Ndcg, coverage = m.Coverage,
            customers = m.Users, trainSeconds = m.TrainSeconds,
        }), JsonSerializerOptions.Web);
        // Only the registry's stored figures of the active model exist to compare with: it was trained on the hold-out itself.
        return new TrainingOutcome(RecommenderModelBytes.Write(model), new TrainingWindow(span.From, now), options, metrics, rows,
            new ModelComparison(Metric, true, null, null), report);
    }

    /// <summary>Every recommender trained before the cut and ranked on purchases after it.</summary>
    public async Task<Evaluation> EvaluateAsync((DateTime From, DateTime To) span, CancellationToken ct)
    {
        var cut = span.To - TimeSpan.FromTicks((long)((span.To - span.From).Ticks * HoldOutShare));
        var catalogue = await store.CatalogueAsync(ct);
        var before = await store.InterestAsync(cut, ct);
        var everything = await store.InterestAsync(span.To.AddTicks(1), ct);
        var boughtBefore = before.Where(i => i.BoughtAt is not null).Select(i => (i.Customer, i.Course)).ToHashSet();
        var relevant = everything.Where(i => i.BoughtAt >= cut && !boughtBefore.Contains((i.Customer, i.Course)))
            .GroupBy(i => i.Customer, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(i => i.Course).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var train = ToFeedback(before, catalogue);
        var metrics = new List<RankingMetrics>();
        foreach (var trainer in EvaluateRatings.Trainers(Factors))
        {
            var clock = Stopwatch.StartNew();
            var scorer = trainer(train);
            metrics.Add(RankingMetrics.Evaluate(scorer, train, relevant, K, clock.Elapsed.TotalSeconds,
                h => h.Weight >= StoreFeedback.PurchaseWeight));
        }
        return new Evaluation(cut, train.Count, metrics);
    }

    /// <summary>The served model on everything up to now: popularity and co-occurrence always, factors when they were chosen.</summary>
    public async Task<(RecommenderModel Model, int Rows)> TrainServedAsync(string chosen, DateTime until, CancellationToken ct)
    {
        var catalogue = await store.CatalogueAsync(ct);
        var feedback = ToFeedback(await store.InterestAsync(until, ct), catalogue);
        var courses = feedback.Items.Select(key => catalogue.First(c => c.ExternalId == key)).ToList();
        var factors = chosen == RecommenderNames.Factors ? SgdFactorTrainer.Train(feedback, Factors, ct: ct) : null;
        return (new RecommenderModel(chosen, courses, PopularityScorer.Train(feedback), CoOccurrenceScorer.Train(feedback), factors), feedback.Count);
    }

    private static Feedback ToFeedback(IEnumerable<CourseInterest> interest, IReadOnlyList<CatalogueCourse> catalogue) =>
        Feedback.From(interest.Select(i => (i.Customer, i.Course, StoreFeedback.Weight(i))), catalogue.Select(c => c.ExternalId));
}
