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

    private sealed record HistoryRow(long SegmentId, string Day, long Size);

    private static readonly DialectSql HistoriesSql = new(d => $"""
        SELECT segment_id AS SegmentId, day, size FROM segment_sizes
        WHERE segment_id IN (SELECT value FROM {DialectSql.JsonValues(d)}) AND day >= @since
        ORDER BY segment_id, day
        """);

    /// <summary>The sizes since a day of several segments at once (a list page's sparklines), oldest first.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<SegmentSize>>> HistoriesAsync(IReadOnlyList<long> ids, DateOnly since,
        CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<long, IReadOnlyList<SegmentSize>>();
        await using var read = await runner.ReadAsync(ct);
        var rows = await read.Connection.QueryAsync<HistoryRow>(new CommandDefinition(HistoriesSql.For(read.Dialect),
            new { ids = System.Text.Json.JsonSerializer.Serialize(ids), since = SegmentStore.DayText(since) }, cancellationToken: ct));
        return rows.GroupBy(r => r.SegmentId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<SegmentSize>)g.Select(r => new SegmentSize(SegmentStore.Day(r.Day)!.Value, r.Size)).ToList());
    }

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
