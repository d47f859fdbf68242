using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Data;

/// <summary>
/// What the platform's batch upserts share: each bad item is refused by its index and the rest are written in one
/// transaction at the writer gate, with the dialect's upsert statement run once per row.
/// </summary>
internal static class BatchUpsert
{
    public static async Task<UpsertResult> RunAsync<TIn, TRow>(Db db, WriteGate gate, IReadOnlyList<TIn> items,
        Func<TIn, Rejection?> refusal, Func<TIn, TRow> toRow, string sqliteUpsert, string sqlServerUpsert, CancellationToken ct)
    {
        var rejected = new List<Rejection>();
        var rows = new List<TRow>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (refusal(items[i]) is { } refused) rejected.Add(refused with { Index = i });
            else rows.Add(toRow(items[i]));
        }
        if (rows.Count > 0)
        {
            using var lease = await gate.EnterAsync(ct);
            await using var connection = await db.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(db.IsSqlite ? sqliteUpsert : sqlServerUpsert, rows, tx);
            await tx.CommitAsync(ct);
        }
        return new UpsertResult(rows.Count, Rejection.InOrder(rejected));
    }
}
