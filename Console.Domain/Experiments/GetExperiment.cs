using Console.Domain.Data;

namespace Console.Domain.Experiments;

public sealed class GetExperiment(Db db)
{
    public async Task<Experiment?> FindAsync(string key, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ExperimentStore.LoadAsync(connection, null, key, ct);
    }
}
