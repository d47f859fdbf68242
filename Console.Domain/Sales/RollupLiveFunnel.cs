using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>What one funnel pass did: the sessions it recomputed and the ids it has now seen.</summary>
public sealed record LiveFunnelRollupResult(int Sessions, long LastEventId, long LastOrderId);

/// <summary>
/// Recomputes the funnel row of every live session that got events or orders since the last pass, from those
/// sessions' events and orders (see <see cref="LiveFunnelTotals"/> for the definitions). Recomputing is
/// idempotent and the progress row moves with the rows it covers, so a lost, retried or overlapping pass
/// at worst recomputes a session again.
/// </summary>
public sealed class RollupLiveFunnel(Db db, TimeProvider clock)
{
    // SQL Server identities can commit out of order: look back over the last ids so a late commit is not skipped.
    public const long LookBackIds = 2000;

    public async Task<LiveFunnelRollupResult> RunAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var seen = await connection.QuerySingleAsync<Progress>(new CommandDefinition(Progress.ReadSql, cancellationToken: ct));
        var now = await connection.QuerySingleAsync<Progress>(new CommandDefinition(Progress.MaxSql, cancellationToken: ct));
        if (now.LastEventId <= seen.LastEventId && now.LastOrderId <= seen.LastOrderId)
            return new LiveFunnelRollupResult(0, seen.LastEventId, seen.LastOrderId);

        var touched = (await connection.QueryAsync<long>(new CommandDefinition(TouchedSql, new
        {
            eventsAfter = Math.Max(0, seen.LastEventId - LookBackIds), eventsUpTo = now.LastEventId,
            ordersAfter = Math.Max(0, seen.LastOrderId - LookBackIds), ordersUpTo = now.LastOrderId,
        }, cancellationToken: ct))).ToList();
        var rows = new List<FunnelRow>(touched.Count);
        var computedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var id in touched)
            rows.Add(await ComputeAsync(connection, id, computedAt, ct));

        // Reading happened outside: the write transaction stays short, so ingestion waits for it only briefly.
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(db.IsSqlite ? UpsertSqlite : UpsertSqlServer, rows, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(Progress.WriteSql, now, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new LiveFunnelRollupResult(rows.Count, now.LastEventId, now.LastOrderId);
    }

    private static async Task<FunnelRow> ComputeAsync(DbConnection connection, long sessionId, DateTime computedAt, CancellationToken ct)
    {
        var counts = await connection.QuerySingleAsync<FunnelRow>(new CommandDefinition(FunnelRow.Sql,
            new { id = sessionId, engagedSeconds = LiveFunnelTotals.EngagedWatchSeconds }, cancellationToken: ct));
        return counts with { LiveSessionId = sessionId, ComputedAt = computedAt };
    }

    private const string TouchedSql = """
        SELECT live_session_id FROM events
        WHERE id > @eventsAfter AND id <= @eventsUpTo AND live_session_id IS NOT NULL
        UNION
        SELECT live_session_id FROM orders
        WHERE id > @ordersAfter AND id <= @ordersUpTo AND live_session_id IS NOT NULL
        """;

    private const string UpsertSqlite = """
        INSERT INTO live_session_funnel (live_session_id, viewers, engaged, buyers, computed_at)
        VALUES (@LiveSessionId, @Viewers, @Engaged, @Buyers, @ComputedAt)
        ON CONFLICT (live_session_id) DO UPDATE SET
            viewers = excluded.viewers, engaged = excluded.engaged, buyers = excluded.buyers, computed_at = excluded.computed_at
        """;

    private const string UpsertSqlServer = """
        MERGE live_session_funnel WITH (HOLDLOCK) AS t
        USING (SELECT @LiveSessionId AS live_session_id) AS s ON t.live_session_id = s.live_session_id
        WHEN MATCHED THEN UPDATE SET viewers = @Viewers, engaged = @Engaged, buyers = @Buyers, computed_at = @ComputedAt
        WHEN NOT MATCHED THEN INSERT (live_session_id, viewers, engaged, buyers, computed_at)
            VALUES (@LiveSessionId, @Viewers, @Engaged, @Buyers, @ComputedAt);
        """;

    private sealed record Progress(long LastEventId, long LastOrderId)
    {
        public Progress() : this(0, 0) { }

        public const string ReadSql = "SELECT last_event_id AS LastEventId, last_order_id AS LastOrderId FROM live_funnel_progress WHERE id = 1";

        public const string MaxSql = """
            SELECT (SELECT COALESCE(MAX(id), 0) FROM events) AS LastEventId, (SELECT COALESCE(MAX(id), 0) FROM orders) AS LastOrderId
            """;

        public const string WriteSql = "UPDATE live_funnel_progress SET last_event_id = @LastEventId, last_order_id = @LastOrderId WHERE id = 1";
    }

    private sealed record FunnelRow(long LiveSessionId, long Viewers, long Engaged, long Buyers, DateTime ComputedAt)
    {
        public FunnelRow() : this(0, 0, 0, 0, default) { }

        // One row per customer of the session (from its events and its orders), then the three counts over them.
        public const string Sql = """
            SELECT COUNT(*) AS Viewers,
                   COALESCE(SUM(CASE WHEN p.interactions > 0 OR p.watched >= @engagedSeconds THEN 1 ELSE 0 END), 0) AS Engaged,
                   COALESCE(SUM(CASE WHEN p.orders > 0 THEN 1 ELSE 0 END), 0) AS Buyers
            FROM (
                SELECT u.customer_id, SUM(u.interactions) AS interactions, SUM(u.watched) AS watched, SUM(u.orders) AS orders
                FROM (
                    SELECT customer_id,
                           SUM(CASE WHEN type IN ('page_view', 'watch') THEN 0 ELSE 1 END) AS interactions,
                           SUM(CASE WHEN type = 'watch' THEN COALESCE(value, 0) ELSE 0 END) AS watched,
                           0 AS orders
                    FROM events WHERE live_session_id = @id GROUP BY customer_id
                    UNION ALL
                    SELECT customer_id, 0 AS interactions, 0 AS watched, COUNT(*) AS orders
                    FROM orders WHERE live_session_id = @id GROUP BY customer_id
                ) u
                GROUP BY u.customer_id
            ) p
            """;
    }
}
