using Console.Domain.Admin;
using Console.Domain.Models;
using Dapper;

namespace Console.Tests.Models;

/// <summary>The registry on a real store: versions, promotion only when better, rollback with its audit entry, reload on other nodes.</summary>
public sealed class ModelRegistryTests : IDisposable
{
    private static readonly TrainingWindow Window = new(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Dictionary<string, string> NoOptions = [];
    private readonly TempStore _store = new();
    private readonly ModelRegistry _registry;

    public ModelRegistryTests() => _registry = new ModelRegistry(_store.Db, TimeProvider.System);

    public void Dispose() => _store.Dispose();

    private Task<ModelVersion> SaveAsync(double auc, string kind = "propensity", byte[]? bytes = null) =>
        _registry.SaveCandidateAsync(kind, bytes ?? [1, 2, 3], Window, NoOptions, new Dictionary<string, double> { ["auc"] = auc }, 100, CancellationToken.None);

    private static bool HigherAuc(IReadOnlyDictionary<string, double> candidate, IReadOnlyDictionary<string, double> active) =>
        candidate["auc"] > active["auc"];

    [Fact]
    public async Task Versions_count_up_per_kind_and_keep_their_window_metrics_and_bytes()
    {
        var first = await SaveAsync(0.7, bytes: [9, 8, 7]);
        var second = await SaveAsync(0.8);
        var other = await SaveAsync(0.6, kind: "interaction");
        Assert.Equal((1, 2, 1), (first.Version, second.Version, other.Version));
        Assert.Equal(ModelStatus.Candidate, first.Status);
        Assert.Equal(new DateTimeOffset(Window.FromUtc), first.WindowFrom);
        Assert.Equal(0.7, first.Metrics["auc"]);
        Assert.Equal(100, first.Rows);
        Assert.Equal([9, 8, 7], await _registry.LoadBytesAsync(first.Id, CancellationToken.None));
        Assert.Equal(3, (await _registry.ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_candidate_is_promoted_only_when_it_beats_the_active_model()
    {
        var first = await SaveAsync(0.70);
        Assert.True(await _registry.PromoteIfBetterAsync(first.Id, HigherAuc, CancellationToken.None));
        var worse = await SaveAsync(0.65);
        Assert.False(await _registry.PromoteIfBetterAsync(worse.Id, HigherAuc, CancellationToken.None));
        Assert.Equal(first.Id, (await _registry.ActiveAsync("propensity", CancellationToken.None))!.Id);
        Assert.Equal(ModelStatus.Candidate, (await _registry.GetAsync(worse.Id, CancellationToken.None))!.Status);

        var better = await SaveAsync(0.75);
        Assert.True(await _registry.PromoteIfBetterAsync(better.Id, HigherAuc, CancellationToken.None));
        Assert.Equal(better.Id, await _registry.ActiveIdAsync("propensity", CancellationToken.None));
        Assert.Equal(ModelStatus.Retired, (await _registry.GetAsync(first.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Rolling_back_activates_the_earlier_version_and_writes_an_audit_entry()
    {
        var first = await SaveAsync(0.70);
        await _registry.PromoteIfBetterAsync(first.Id, HigherAuc, CancellationToken.None);
        var second = await SaveAsync(0.80);
        await _registry.PromoteIfBetterAsync(second.Id, HigherAuc, CancellationToken.None);

        var outcome = await _registry.ActivateAsync(first.Id, "manager@example.com", CancellationToken.None);
        var activated = Assert.IsType<ModelRegistry.Activation.Activated>(outcome);
        Assert.Equal(second.Id, activated.Previous!.Id);
        Assert.Equal(first.Id, await _registry.ActiveIdAsync("propensity", CancellationToken.None));
        Assert.Equal(ModelStatus.Retired, (await _registry.GetAsync(second.Id, CancellationToken.None))!.Status);

        var audit = await new AuditLog(_store.Db).QueryAsync(new AuditFilter(Entity: "model_version"), 0, 10);
        var entry = Assert.Single(audit.Rows, r => r.Action == "model.activate");
        Assert.Equal("manager@example.com", entry.Actor);
        Assert.Equal(first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Contains($"\"activeId\":{second.Id}", entry.BeforeJson, StringComparison.Ordinal);

        Assert.IsType<ModelRegistry.Activation.AlreadyActive>(await _registry.ActivateAsync(first.Id, "m", CancellationToken.None));
        Assert.IsType<ModelRegistry.Activation.NotFound>(await _registry.ActivateAsync(9999, "m", CancellationToken.None));
    }

    [Fact]
    public async Task A_node_serves_a_version_activated_elsewhere_once_its_poll_interval_has_passed()
    {
        var clock = new Console.Tests.Admin.ManualClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var first = await SaveAsync(0.70, bytes: [1]);
        await _registry.PromoteIfBetterAsync(first.Id, HigherAuc, CancellationToken.None);
        var node = new ActiveModels(new ModelRegistry(_store.Db, clock), clock) { PollInterval = TimeSpan.FromSeconds(30) };
        var loads = 0;
        string Load(byte[] bytes) { loads++; return $"model {bytes[0]}"; }

        Assert.Equal("model 1", (await node.GetAsync("propensity", Load, CancellationToken.None))!.Model);
        var second = await SaveAsync(0.60, bytes: [2]);
        await _registry.ActivateAsync(second.Id, "other node", CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("model 1", (await node.GetAsync("propensity", Load, CancellationToken.None))!.Model);
        clock.Advance(TimeSpan.FromSeconds(25));
        var reloaded = await node.GetAsync("propensity", Load, CancellationToken.None);
        Assert.Equal("model 2", reloaded!.Model);
        Assert.Equal(second.Id, reloaded.Version.Id);
        clock.Advance(TimeSpan.FromMinutes(5));
        await node.GetAsync("propensity", Load, CancellationToken.None);
        Assert.Equal(2, loads);
        Assert.Null(await node.GetAsync("interaction", Load, CancellationToken.None));
    }

    [Fact]
    public async Task A_training_run_stores_a_candidate_and_keeps_a_worse_one_from_replacing_the_active_model()
    {
        var trainer = new FixedScoreTrainer();
        var train = new TrainModel(_store.Db, _registry, [trainer], TimeProvider.System);

        trainer.NextAuc = 0.70;
        var first = Assert.IsType<TrainModel.Outcome.Trained>(await train.RunAsync("fixed", CancellationToken.None));
        Assert.True(first.Promoted);
        trainer.NextAuc = 0.60;
        var worse = Assert.IsType<TrainModel.Outcome.Trained>(await train.RunAsync("fixed", CancellationToken.None));
        Assert.False(worse.Promoted);
        Assert.Equal(ModelStatus.Candidate, worse.Candidate.Status);
        Assert.Equal(0.70, worse.Candidate.ComparedMetrics!["auc"]);
        Assert.Equal(first.Candidate.Id, await _registry.ActiveIdAsync("fixed", CancellationToken.None));

        var runs = await new TrainingRuns(_store.Db).ListAsync(CancellationToken.None);
        var run = Assert.Single(runs);
        Assert.Equal(("done", worse.Candidate.Id, false), (run.Status, run.CandidateId, run.Promoted));
        Assert.IsType<TrainModel.Outcome.UnknownKind>(await train.RunAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task A_second_run_of_a_kind_while_one_holds_the_lease_does_nothing()
    {
        await using (var connection = await _store.Db.OpenAsync())
            await connection.ExecuteAsync(
                "INSERT INTO model_training (kind, status, run_token, stage, fraction, started_at, updated_at) VALUES ('fixed', 'running', 'x', 'fitting', 0.5, @now, @now)",
                new { now = DateTime.UtcNow });
        var train = new TrainModel(_store.Db, _registry, [new FixedScoreTrainer()], TimeProvider.System);
        Assert.IsType<TrainModel.Outcome.AlreadyRunning>(await train.RunAsync("fixed", CancellationToken.None));
        Assert.Empty(await _registry.ListAsync(CancellationToken.None));
    }

    /// <summary>A kind whose candidate scores what the test says, compared with the active model's stored score.</summary>
    private sealed class FixedScoreTrainer : IModelTrainer
    {
        public double NextAuc { get; set; } = 0.5;

        public string Kind => "fixed";

        public async Task<TrainingOutcome> TrainAsync(TrainingProgress progress, CancellationToken ct)
        {
            await progress.ReportAsync("fitting", 0.5, ct);
            return new TrainingOutcome([(byte)(NextAuc * 100)], Window, NoOptions, new Dictionary<string, double> { ["auc"] = NextAuc }, 10,
                new ModelComparison("auc", HigherIsBetter: true, ActiveId: null, ActiveMetrics: null));
        }
    }
}
