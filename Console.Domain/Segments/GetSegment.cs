using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>One saved segment, and its size history as the daily job recorded it.</summary>
public sealed class GetSegment(StatementRunner runner)
{
    public const int MaxHistoryDays = 366;

    private sealed record SizeRow(string Day, long Size);

    private static readonly DialectSql HistorySql = new(d => $"""
        SELECT day, size FROM segment_sizes WHERE segment_id = @id ORDER BY day DESC {PageFragment.For(d, "0", "@days")}
        """);

    public async Task<Segment?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        return await SegmentStore.LoadAsync(read.Connection, null, id, ct);
    }

    /// <summary>The last days of sizes, oldest first.</summary>
    public async Task<IReadOnlyList<SegmentSize>> HistoryAsync(long id, int days, CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        var rows = await read.Connection.QueryAsync<SizeRow>(new CommandDefinition(HistorySql.For(read.Dialect),
            new { id, days = Math.Clamp(days, 1, MaxHistoryDays) }, cancellationToken: ct));
        return rows.Select(r => new SegmentSize(SegmentStore.Day(r.Day)!.Value, r.Size)).Reverse().ToList();
    }
}
