using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Models;

/// <summary>
/// One training run of a kind, as the nightly job and `models train KIND` run it: take the kind's lease (one run per
/// kind at a time, across nodes and the CLI), train a candidate, store it, and promote it only if it beat the active
/// model on the candidate's own evaluation window. A run that finds its kind already training does nothing.
/// </summary>
public sealed class TrainModel(Db db, ModelRegistry registry, IEnumerable<IModelTrainer> trainers, TimeProvider clock)
{
    /// <summary>A lease not renewed by progress for this long belongs to a run that died; the next run takes it over.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(2);

    public IReadOnlyList<string> Kinds => trainers.Select(t => t.Kind).Order(StringComparer.Ordinal).ToList();

    public abstract record Outcome
    {
        public sealed record Trained(ModelVersion Candidate, bool Promoted, ModelComparison Comparison, TimeSpan Took) : Outcome;
        public sealed record AlreadyRunning : Outcome;
        public sealed record UnknownKind(IReadOnlyList<string> Known) : Outcome;
    }

    public async Task<Outcome> RunAsync(string kind, CancellationToken ct)
    {
        var trainer = trainers.FirstOrDefault(t => t.Kind == kind);
        if (trainer is null) return new Outcome.UnknownKind(Kinds);
        var token = Guid.NewGuid().ToString("N");
        if (!await ClaimAsync(kind, token, ct)) return new Outcome.AlreadyRunning();
        var started = clock.GetTimestamp();
        try
        {
            var progress = new TrainingProgress((stage, fraction, c) => ReportAsync(kind, token, stage, fraction, c), clock);
            var outcome = await trainer.TrainAsync(progress, ct);
            await progress.ReportAsync("storing", 0.95, ct);
            var comparison = outcome.Comparison;
            // An active version the trainer could not score here is judged by its own figures, from its own window.
            if (comparison.ActiveMetrics is null && await registry.ActiveAsync(kind, ct) is { } active)
                comparison = comparison with { ActiveId = active.Id, ActiveMetrics = active.Metrics, EvaluatedFrom = null, EvaluatedTo = null };
            var candidate = await registry.SaveCandidateAsync(kind, outcome.Model, outcome.Window, outcome.Options, outcome.Metrics,
                outcome.Rows, ct, outcome.ReportJson, comparison.ActiveId, comparison.ActiveMetrics);
            var promoted = await registry.PromoteIfBetterAsync(candidate.Id,
                (mine, stored) => comparison.Better(mine, comparison.ActiveMetrics ?? stored), ct);
            var judged = new Judgement(comparison.Metric, Figure(outcome.Metrics, comparison.Metric), comparison.ActiveId,
                comparison.ActiveMetrics is { } a ? Figure(a, comparison.Metric) : null,
                comparison.EvaluatedFrom, comparison.EvaluatedTo);
            await FinishAsync(kind, token, "done", promoted ? "promoted" : "kept as candidate", candidate.Id, promoted, judged, CancellationToken.None);
            return new Outcome.Trained(await registry.GetAsync(candidate.Id, ct) ?? candidate, promoted, comparison,
                clock.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            await FinishAsync(kind, token, "failed", Trim(e.Message), null, false, null, CancellationToken.None);
            throw;
        }
    }

    private const string Seed =
        """
        INSERT INTO model_training (kind, status, run_token, stage, fraction, started_at, updated_at)
        SELECT @kind, 'done', '', '', 0, @now, @now
        WHERE NOT EXISTS (SELECT 1 FROM model_training WHERE kind = @kind)
        """;

    private const string Claim =
        """
        UPDATE model_training
        SET status = 'running', run_token = @token, stage = 'starting', fraction = 0, started_at = @now, updated_at = @now,
            finished_at = NULL, message = NULL, candidate_id = NULL, promoted = 0, compared_metric = NULL, candidate_figure = NULL,
            active_id = NULL, active_figure = NULL, evaluated_from = NULL, evaluated_to = NULL
        WHERE kind = @kind AND (status <> 'running' OR updated_at < @stale)
        """;

    private async Task<bool> ClaimAsync(string kind, string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Seed, new { kind, now }, cancellationToken: ct));
        }
        catch (DbException e) when (StatementRunner.IsUniqueViolation(e))
        {
        }
        var claimed = await connection.ExecuteAsync(new CommandDefinition(Claim,
            new { kind, token, now, stale = now - StaleAfter }, cancellationToken: ct));
        return claimed == 1;
    }

    private async Task ReportAsync(string kind, string token, string stage, double fraction, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE model_training SET stage = @stage, fraction = @fraction, updated_at = @now WHERE kind = @kind AND run_token = @token",
            new { kind, token, stage, fraction, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>What the promotion rested on: both figures, and the window they share when they share one.</summary>
    private sealed record Judgement(string Metric, double? Candidate, long? ActiveId, double? Active, DateTime? From, DateTime? To);

    // SQL Server's float holds no NaN: a figure that could not be computed is stored as NULL.
    private static double? Figure(IReadOnlyDictionary<string, double> metrics, string metric) =>
        metrics.TryGetValue(metric, out var v) && double.IsFinite(v) ? v : null;

    private async Task FinishAsync(string kind, string token, string status, string message, long? candidateId, bool promoted,
        Judgement? judged, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE model_training
            SET status = @status, stage = @status, fraction = 1, updated_at = @now, finished_at = @now, message = @message,
                candidate_id = @candidateId, promoted = @promoted, compared_metric = @metric, candidate_figure = @candidateFigure,
                active_id = @activeId, active_figure = @activeFigure, evaluated_from = @from, evaluated_to = @to
            WHERE kind = @kind AND run_token = @token
            """,
            new
            {
                kind, token, status, now, message, candidateId, promoted, metric = judged?.Metric, candidateFigure = judged?.Candidate,
                activeId = judged?.ActiveId, activeFigure = judged?.Active, from = judged?.From, to = judged?.To,
            }, cancellationToken: ct));
    }

    private static string Trim(string text) => text.Length <= 1000 ? text : text[..1000];
}
