using System.Text.Json;
using System.Text.Json.Serialization;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Experiments;

/// <summary>
/// Computes and stores the results snapshot of each running experiment, and a final one of each stopped experiment that has
/// none from after its stop. A snapshot is keyed by its hour: running again in the same hour replaces it (re-entrant).
/// </summary>
public sealed class RefreshExperimentResults(Db db, StatementRunner runner, TimeProvider clock, BusinessTime time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private const string DueSql =
        """
        SELECT e.experiment_key FROM experiments e
        WHERE e.status = 'running'
           OR (e.status = 'stopped' AND NOT EXISTS (SELECT 1 FROM experiment_snapshots s
                                                    WHERE s.experiment_id = e.id AND s.computed_at >= e.stopped_at))
        ORDER BY e.id
        """;

    /// <summary>Refreshes every experiment that is due; answers how many snapshots it stored.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        List<string> keys;
        await using (var connection = await db.OpenAsync(ct))
            keys = (await connection.QueryAsync<string>(new CommandDefinition(DueSql, cancellationToken: ct))).ToList();
        var stored = 0;
        foreach (var key in keys)
            if (await RefreshAsync(key, ct) is not null) stored++;
        return stored;
    }

    /// <summary>Computes one experiment's results now and stores them as this hour's snapshot.</summary>
    public async Task<ResultsSnapshot?> RefreshAsync(string key, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Experiment? experiment;
        await using (var connection = await db.OpenAsync(ct))
            experiment = await ExperimentStore.LoadAsync(connection, null, key, ct);
        if (experiment is null || experiment.Status == ExperimentStatus.Draft) return null;
        var end = new[] { now, experiment.StoppedAt ?? DateTime.MaxValue, experiment.EndsAt ?? DateTime.MaxValue }.Min();
        var data = await ResultsData.LoadAsync(db, experiment, end, ct);
        var snapshot = ResultsCalculator.Compute(experiment, data, end, now, time.Zone);
        var body = JsonSerializer.Serialize(snapshot, Json);
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        await runner.WriteAsync(new WriteUnit<object>(async (run, token) =>
        {
            await run.ExecuteAsync(
                """
                DELETE FROM experiment_snapshots WHERE experiment_id = @id AND hour_start = @hour
                """, token, ("id", experiment.Id), ("hour", hour));
            await run.ExecuteAsync(
                """
                INSERT INTO experiment_snapshots (experiment_id, hour_start, computed_at, body) VALUES (@id, @hour, @now, @body)
                """, token, ("id", experiment.Id), ("hour", hour), ("now", now), ("body", body));
            return experiment;
        }, _ => true, _ => null, UndoFree: false), ct);
        return snapshot;
    }
}
