using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Experiments;

/// <summary>Reads the latest stored results of an experiment; nothing here computes them.</summary>
public sealed class ExperimentSnapshots(Db db)
{
    public sealed record Read(Experiment Experiment, ResultsSnapshot? Snapshot);

    private const string LatestSql =
        """
        SELECT body FROM experiment_snapshots WHERE experiment_id = @id AND computed_at =
            (SELECT MAX(computed_at) FROM experiment_snapshots WHERE experiment_id = @id)
        """;

    public async Task<Read?> LatestAsync(string key, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var experiment = await ExperimentStore.LoadAsync(connection, null, key, ct);
        if (experiment is null) return null;
        var body = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(LatestSql, new { id = experiment.Id }, cancellationToken: ct));
        return new Read(experiment, body is null ? null : JsonSerializer.Deserialize<ResultsSnapshot>(body, RefreshExperimentResults.Json));
    }
}
