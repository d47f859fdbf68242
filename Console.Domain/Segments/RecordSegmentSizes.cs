using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>
/// The daily size of every live segment: one row per segment and business day, replaced when the day is counted again,
/// so a retried or repeated run never adds a second row. Propensity scores are refreshed first, so the sizes use them.
/// </summary>
public sealed class RecordSegmentSizes(StatementRunner runner, SegmentQueries queries, ScorePropensity scores, TimeProvider clock)
{
    private static string UpsertSql(Dialect dialect) => dialect == Dialect.Sqlite
        ? """
          INSERT INTO segment_sizes (segment_id, day, size, computed_at) VALUES (@id, @day, @size, @now)
          ON CONFLICT (segment_id, day) DO UPDATE SET size = excluded.size, computed_at = excluded.computed_at
          """
        : """
          MERGE segment_sizes WITH (HOLDLOCK) AS t
          USING (SELECT @id AS segment_id, @day AS day) AS s ON t.segment_id = s.segment_id AND t.day = s.day
          WHEN MATCHED THEN UPDATE SET size = @size, computed_at = @now
          WHEN NOT MATCHED THEN INSERT (segment_id, day, size, computed_at) VALUES (@id, @day, @size, @now);
          """;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await scores.RunAsync(ct);
        var day = SegmentStore.DayText(queries.Today().Today);
        List<(long Id, string RuleJson)> segments;
        await using (var read = await runner.ReadAsync(ct))
            segments = (await read.Connection.QueryAsync<(long, string)>(new CommandDefinition(
                """
                SELECT id, rule_json FROM segments WHERE archived_at IS NULL ORDER BY id
                """, cancellationToken: ct))).ToList();
        foreach (var (id, json) in segments)
        {
            long size;
            await using (var read = await runner.ReadAsync(ct))
                size = await queries.CountAsync(read, SegmentStore.Parse(json), ct);
            var now = clock.GetUtcNow().UtcDateTime;
            await runner.WriteAsync(new WriteUnit<object>(async (s, token) =>
            {
                await s.ExecuteAsync(UpsertSql(s.Dialect), token, ("id", id), ("day", day), ("size", size), ("now", now));
                return id;
            }, _ => true, _ => null, UndoFree: true), ct);
        }
        return segments.Count;
    }
}
