using Console.Domain.Consent;
using Console.Domain.Data;

namespace Console.Domain.Events;

/// <summary>
/// Removes raw events older than the retention the privacy settings name; the daily sales and live-funnel rollups keep
/// what the dashboards and reports need of them. Only events the funnel job has already counted go, so no rollup misses
/// one. Each batch is its own write, so a run stopped half way has lost nothing and the next one goes on from there.
/// </summary>
public sealed class PurgeOldEvents(StatementRunner runner, EventRetention retention, TimeProvider clock)
{
    public const int Batch = 5_000;

    public sealed record Purged(int Events, DateTime? Before);

    public async Task<Purged> RunAsync(CancellationToken ct = default)
    {
        if (await retention.GetAsync(ct) is not { } days) return new Purged(0, null);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var total = 0;
        while (true)
        {
            var deleted = await runner.WriteAsync(new WriteUnit<Purged>(async (s, t) =>
                new Purged(await s.ExecuteAsync(DeleteSql.For(s.Dialect), t, ("cutoff", cutoff), ("take", Batch)), cutoff),
                _ => true, _ => null, UndoFree: true), ct);
            total += deleted.Events;
            if (deleted.Events < Batch) return new Purged(total, cutoff);
        }
    }

    // Ids grow with arrival, so the oldest events sit at the start of the table and each batch stops after its first rows.
    private static readonly DialectSql DeleteSql = new(d => d == Dialect.Sqlite
        ? """
          DELETE FROM events WHERE id IN (
              SELECT id FROM events
              WHERE occurred_at < @cutoff AND id <= (SELECT last_event_id FROM live_funnel_progress WHERE id = 1)
              ORDER BY id LIMIT @take)
          """
        : """
          DELETE TOP (@take) FROM events
          WHERE occurred_at < @cutoff AND id <= (SELECT last_event_id FROM live_funnel_progress WHERE id = 1)
          """);
}
