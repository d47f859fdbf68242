using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Console.Domain.Models;

namespace Console.Domain.Recommendations;

/// <summary>
/// Trains kind "recommender": cuts the store's order span at its last fifth, trains popularity, co-occurrence and factors
/// on what happened before the cut and ranks each customer's later purchases with them, never offering a course bought
/// before the cut. The recommender with the best precision@10 is then trained on everything and stored as the candidate.
/// The active version is judged on the same hold-out: its recipe (recommender and options) is fitted again on the data
/// before its own cut, or before this cut when that is earlier, since its stored model learnt from this hold-out.
/// </summary>
public sealed class RecommenderTrainer(StoreFeedback store, ModelRegistry registry, TimeProvider clock) : IModelTrainer
{
    public const int K = 10;
    public const string Metric = "precision_at_10";
    private const double HoldOutShare = 0.2;

    public static FactorOptions DefaultFactors { get; } = new(Factors: 16, LearningRate: 0.03, Regularisation: 0.01, Epochs: 20, NegativesPerPositive: 3, Seed: 42);

    public FactorOptions Factors { get; init; } = DefaultFactors;

    /// <summary>The recommenders that may be served; all three are evaluated and reported either way.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [RecommenderNames.Popularity, RecommenderNames.CoOccurrence, RecommenderNames.Factors];

    public string Kind => RecommenderModel.Kind;

    /// <summary>What the recommenders are trained on before the cut and ranked against after it.</summary>
    public sealed record HoldOut(DateTime Cut, DateTime End, IReadOnlyList<CatalogueCourse> Catalogue, Feedback Train,
        IReadOnlyDictionary<string, IReadOnlySet<string>> Relevant);

    public sealed record Evaluation(HoldOut HoldOut, IReadOnlyList<RankingMetrics> Metrics)
    {
        public DateTime Cut => HoldOut.Cut;
        public int TrainRows => HoldOut.Train.Count;

        /// <summary>The best precision@10 among the choices; on a tie the simpler recommender, which comes first.</summary>
        public RankingMetrics Best(IReadOnlyList<string> choices) =>
            Metrics.Where(m => choices.Contains(m.Recommender)).Aggregate((best, m) => m.Precision > best.Precision ? m : best);
    }

    public async Task<TrainingOutcome> TrainAsync(TrainingProgress progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var span = await store.OrderSpanAsync(ct) ?? throw new InvalidOperationException("The store holds no orders to learn from.");
        await progress.ReportAsync("evaluating", 0.05, ct);
        var evaluation = await EvaluateAsync(span, ct);
        var best = evaluation.Best(Choices);
        await progress.ReportAsync("evaluating the active model", 0.5, ct);
        var comparison = await CompareWithActiveAsync(evaluation.HoldOut, ct);
        await progress.ReportAsync("training", 0.6, ct);
        var (model, rows) = await TrainServedAsync(best.Recommender, now, ct);

        var metrics = new Dictionary<string, double>(Figures(best), StringComparer.Ordinal);
        foreach (var m in evaluation.Metrics)
        {
            metrics[$"{m.Recommender}_precision_at_10"] = m.Precision;
            metrics[$"{m.Recommender}_train_seconds"] = Math.Round(m.TrainSeconds, 3);
        }
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["recommender"] = best.Recommender,
            ["hold_out_from"] = evaluation.Cut.ToString("O", CultureInfo.InvariantCulture),
            ["factors"] = Text(Factors.Factors),
            ["learning_rate"] = Text(Factors.LearningRate),
            ["regularisation"] = Text(Factors.Regularisation),
            ["epochs"] = Text(Factors.Epochs),
            ["negatives_per_positive"] = Text(Factors.NegativesPerPositive),
            ["seed"] = Text(Factors.Seed),
        };
        var report = JsonSerializer.Serialize(evaluation.Metrics.Select(m => new
        {
            recommender = m.Recommender, precision = m.Precision, recall = m.Recall, ndcg = m.Ndcg, coverage = m.Coverage,
            customers = m.Users, trainSeconds = m.TrainSeconds,
        }), JsonSerializerOptions.Web);
        return new TrainingOutcome(RecommenderModelBytes.Write(model), new TrainingWindow(span.From, now), options, metrics, rows,
            comparison, report);
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
        var holdOut = new HoldOut(cut, span.To, catalogue, ToFeedback(before, catalogue), relevant);
        var metrics = new List<RankingMetrics>();
        foreach (var name in new[] { RecommenderNames.Popularity, RecommenderNames.CoOccurrence, RecommenderNames.Factors })
        {
            var watch = Stopwatch.StartNew();
            var scorer = Train(name, Factors, holdOut.Train);
            metrics.Add(Rank(scorer, holdOut, watch.Elapsed.TotalSeconds));
        }
        return new Evaluation(holdOut, metrics);
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

    /// <summary>
    /// The active version's recipe on this hold-out. Its stored model learnt from everything up to its training, this
    /// hold-out included, so it is fitted again as it was evaluated: its recommender and options on the data before its
    /// own cut, never later than this cut. Null figures when there is no active version or its options name no recipe.
    /// </summary>
    private async Task<ModelComparison> CompareWithActiveAsync(HoldOut holdOut, CancellationToken ct)
    {
        var active = await registry.ActiveAsync(Kind, ct);
        var none = new ModelComparison(Metric, HigherIsBetter: true, active?.Id, null, EvaluatedFrom: holdOut.Cut, EvaluatedTo: holdOut.End);
        if (active is null || Recipe.From(active.Options) is not { } recipe) return none;
        var until = recipe.Cut is { } own && own < holdOut.Cut ? own : holdOut.Cut;
        var learnt = until == holdOut.Cut ? holdOut.Train : ToFeedback(await store.InterestAsync(until, ct), holdOut.Catalogue);
        var scorer = Train(recipe.Recommender, recipe.Factors, learnt, ct);
        var figures = Rank(ReindexedScorer.For(scorer, learnt, holdOut.Train), holdOut, 0);
        return none with { ActiveMetrics = Figures(figures) };
    }

    /// <summary>A stored version's recommender and options; options it lacks take the defaults it was trained with then.</summary>
    private sealed record Recipe(string Recommender, FactorOptions Factors, DateTime? Cut)
    {
        public static Recipe? From(IReadOnlyDictionary<string, string> options)
        {
            if (!options.TryGetValue("recommender", out var name)
                || name is not (RecommenderNames.Popularity or RecommenderNames.CoOccurrence or RecommenderNames.Factors)) return null;
            var d = DefaultFactors;
            var factors = new FactorOptions(Int("factors", d.Factors), Real("learning_rate", d.LearningRate), Real("regularisation", d.Regularisation),
                Int("epochs", d.Epochs), Int("negatives_per_positive", d.NegativesPerPositive), Int("seed", d.Seed));
            if (factors.Validate().Count > 0) return null;
            DateTime? cut = options.TryGetValue("hold_out_from", out var text)
                && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
                ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null;
            return new Recipe(name, factors, cut);

            int Int(string key, int fallback) =>
                options.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) ? x : fallback;
            double Real(string key, double fallback) =>
                options.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : fallback;
        }
    }

    private static IItemScorer Train(string name, FactorOptions factors, Feedback feedback, CancellationToken ct = default) => name switch
    {
        RecommenderNames.Popularity => PopularityScorer.Train(feedback),
        RecommenderNames.CoOccurrence => CoOccurrenceScorer.Train(feedback),
        _ => SgdFactorTrainer.Train(feedback, factors, ct: ct),
    };

    private static RankingMetrics Rank(IItemScorer scorer, HoldOut holdOut, double trainSeconds) =>
        RankingMetrics.Evaluate(scorer, holdOut.Train, holdOut.Relevant, K, trainSeconds, h => h.Weight >= StoreFeedback.PurchaseWeight);

    private static Dictionary<string, double> Figures(RankingMetrics m) => new(StringComparer.Ordinal)
    {
        [Metric] = m.Precision,
        ["recall_at_10"] = m.Recall,
        ["ndcg_at_10"] = m.Ndcg,
        ["coverage"] = m.Coverage,
        ["hold_out_customers"] = m.Users,
    };

    private static Feedback ToFeedback(IEnumerable<CourseInterest> interest, IReadOnlyList<CatalogueCourse> catalogue) =>
        Feedback.From(interest.Select(i => (i.Customer, i.Course, StoreFeedback.Weight(i))), catalogue.Select(c => c.ExternalId));

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
