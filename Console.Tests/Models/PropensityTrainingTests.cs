using Console.Domain.Data;
using Console.Domain.Models;

namespace Console.Tests.Models;

/// <summary>
/// The propensity trainer on a small store where customers buy the course whose page they keep visiting: it must learn
/// that, judge itself on the later window, and a retrain on the same data must not replace the active model.
/// </summary>
public sealed class PropensityTrainingTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    internal static async Task SeedLearnableAsync(Db db, int customers = 300)
    {
        var random = new Random(5);
        var data = new ModelsData(db).Course(1, "Art").Course(2, "Art").Course(3, "Code").Course(4, "Code");
        for (var c = 1; c <= customers; c++)
        {
            data.Customer(c, c % 3 == 0 ? "kol" : "douyin");
            var interest = 1 + c % 4;
            var eager = random.NextDouble();
            var owned = new HashSet<int>();
            var visits = Enumerable.Range(0, 4 + (int)(eager * 16)).Select(_ => ModelsData.T0.AddDays(random.NextDouble() * 150)).Order();
            foreach (var at in visits)
            {
                data.Event(c, "page_view", at, interest);
                if (random.NextDouble() < 0.3) data.Event(c, "page_view", at.AddMinutes(1), 1 + random.Next(4));
                if (!owned.Contains(interest) && random.NextDouble() < 0.1 * eager + 0.02)
                {
                    owned.Add(interest);
                    data.Order(c, interest, at.AddMinutes(5));
                }
            }
        }
        await data.SaveAsync();
    }

    private PropensityTrainer Trainer(ModelRegistry registry) =>
        new(_store.Db, new PropensityFeatureReader(_store.Db), registry) { Options = new PropensityOptions(Trees: 20, MinLeafExamples: 20) };

    [Fact]
    public async Task The_model_learns_from_the_earlier_window_scores_well_on_the_later_one_and_a_retrain_that_is_not_better_stays_a_candidate()
    {
        await SeedLearnableAsync(_store.Db);
        var registry = new ModelRegistry(_store.Db, TimeProvider.System);
        var train = new TrainModel(_store.Db, registry, [Trainer(registry)], TimeProvider.System);

        var first = Assert.IsType<TrainModel.Outcome.Trained>(await train.RunAsync(ModelKinds.Propensity, CancellationToken.None));
        Assert.True(first.Promoted);
        var m = first.Candidate.Metrics;
        Assert.True(m["auc"] > 0.75, $"AUC {m["auc"]}");
        Assert.True(m["auc_linear"] > 0.7 && m["auc_trees"] > 0.7, $"linear {m["auc_linear"]}, trees {m["auc_trees"]}");
        Assert.True(m["top_decile_lift"] > 1.5, $"lift {m["top_decile_lift"]}");
        Assert.InRange(m["log_loss"], 0.01, 0.69);
        Assert.True(first.Candidate.WindowTo < DateTimeOffset.Parse(first.Candidate.Options["evaluationTo"], System.Globalization.CultureInfo.InvariantCulture));
        var report = System.Text.Json.JsonSerializer.Deserialize<PropensityReport>(first.Candidate.ReportJson!, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Equal(10, report.Calibration.Count);
        Assert.Equal(PropensityFeatures.Count, report.Weights.Count);
        // Visiting the course's page is what drives buying here, and the linear model must say so.
        Assert.True(report.Weights.Single(w => w.Feature == "page_views_course").Weight > 0);

        var again = Assert.IsType<TrainModel.Outcome.Trained>(await train.RunAsync(ModelKinds.Propensity, CancellationToken.None));
        Assert.False(again.Promoted);
        Assert.Equal(ModelStatus.Candidate, again.Candidate.Status);
        Assert.Equal(first.Candidate.Id, again.Candidate.ComparedWithId);
        Assert.Equal(again.Candidate.Metrics["auc"], again.Candidate.ComparedMetrics!["auc"], 6);
        Assert.Equal(first.Candidate.Id, await registry.ActiveIdAsync(ModelKinds.Propensity, CancellationToken.None));
    }

    [Fact]
    public async Task A_customer_is_scored_with_the_active_model_and_the_linear_factors_add_up_to_its_log_odds()
    {
        await SeedLearnableAsync(_store.Db, customers: 200);
        var registry = new ModelRegistry(_store.Db, TimeProvider.System);
        var propensity = new CustomerPropensity(_store.Db, new PropensityFeatureReader(_store.Db), new ActiveModels(registry, TimeProvider.System) { PollInterval = TimeSpan.Zero },
            TimeProvider.System);
        Assert.IsType<CustomerPropensity.Outcome.NoModel>(await propensity.ScoreAsync("c-1", null, CancellationToken.None));
        await new TrainModel(_store.Db, registry, [Trainer(registry)], TimeProvider.System).RunAsync(ModelKinds.Propensity, CancellationToken.None);

        var scored = Assert.IsType<CustomerPropensity.Outcome.Scored>(await propensity.ScoreAsync("c-7", "k-4", CancellationToken.None));
        Assert.InRange(scored.Answer.Probability, 0.0001, 0.9999);
        Assert.Equal("k-4", scored.Answer.CourseExternalId);
        Assert.Equal(CustomerPropensity.FactorCount, scored.Answer.TopFactors.Count);
        Assert.Equal(scored.Answer.TopFactors.Max(f => Math.Abs(f.Contribution)), Math.Abs(scored.Answer.TopFactors[0].Contribution));

        var active = (await propensity.ModelAsync(CancellationToken.None))!.Model;
        var rows = await new PropensityFeatureReader(_store.Db).ForCustomerAsync(7, DateTime.UtcNow, 4, CancellationToken.None);
        var all = active.TopFactors(rows[0].Features, PropensityFeatures.Count);
        var logOdds = active.Parameters.Bias + all.Sum(f => f.Contribution);
        Assert.Equal(active.LinearProbability(rows[0].Features), 1 / (1 + Math.Exp(-logOdds)), 6);

        Assert.IsType<CustomerPropensity.Outcome.CustomerNotFound>(await propensity.ScoreAsync("nobody", null, CancellationToken.None));
        Assert.IsType<CustomerPropensity.Outcome.CourseNotFound>(await propensity.ScoreAsync("c-7", "no-course", CancellationToken.None));
    }
}
