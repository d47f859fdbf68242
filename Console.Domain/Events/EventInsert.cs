using Console.Domain.Data;
using System.Data.Common;

namespace Console.Domain.Events;

/// <summary>
/// The event insert, prepared once and run per row. The unique event_key decides duplicates: a key already stored
/// inserts nothing, and the stored row's eventId then says whether the row is a duplicate or another id with the
/// same key, which moves on to its next probe (see <see cref="EventKey"/>).
/// </summary>
internal abstract class EventInsert : IAsyncDisposable
{
    public static EventInsert Create(DbConnection connection, DbTransaction tx, bool sqlite) =>
        sqlite ? new SqliteEventInsert(connection) : new SqlServerEventInsert(connection, tx);

    /// <summary>
    /// Inserts the batches' rows in key order and returns how many of each batch were stored. With random ids,
    /// rows in arrival order land on index pages scattered over memory; in key order consecutive rows share a path
    /// through the index. Equal keys keep their batch and item order, so the first sender of an id is the one stored.
    /// </summary>
    public async ValueTask<int[]> ExecuteInKeyOrderAsync(DbTransaction tx, IReadOnlyList<List<EventRow>> batches, CancellationToken ct)
    {
        var order = new List<(long Key, int Batch, int Item)>(batches.Sum(b => b.Count));
        for (var b = 0; b < batches.Count; b++)
            for (var i = 0; i < batches[b].Count; i++) order.Add((batches[b][i].Key, b, i));
        order.Sort();
        var accepted = new int[batches.Count];
        foreach (var (_, b, i) in order) accepted[b] += await ExecuteAsync(tx, batches[b][i], ct);
        return accepted;
    }

    /// <summary>1 when the row was stored, 0 when its eventId already was.</summary>
    public async ValueTask<int> ExecuteAsync(DbTransaction tx, EventRow row, CancellationToken ct)
    {
        Use(tx);
        for (var probe = 0; probe <= EventKey.MaxProbe; probe++)
        {
            var key = probe == 0 ? row.Key : EventKey.Of(row.EventId, probe);
            if (await TryInsertAsync(row, key, ct)) return 1;
            if (string.Equals(await StoredIdAsync(key, ct), row.EventId, StringComparison.Ordinal)) return 0;
        }
        throw new InvalidOperationException($"eventId '{row.EventId}' shares its key with {EventKey.MaxProbe + 1} stored ids in a row.");
    }

    protected abstract void Use(DbTransaction tx);

    /// <summary>Inserts the row under this key; false when the key is already stored.</summary>
    protected abstract ValueTask<bool> TryInsertAsync(EventRow row, long key, CancellationToken ct);

    protected abstract ValueTask<string?> StoredIdAsync(long key, CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}
