using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>
/// The live funnel of the sessions held in a range of business days. Per session: viewers are the customers
/// with any event or order for it; engaged viewers interacted at least once (any event but page_view and watch)
/// or watched at least five minutes in total; buyers paid an order attributed to it. Totals add the sessions
/// up, so a customer at two sessions counts at each; conversion is buyers / viewers.
/// </summary>
public sealed record LiveFunnelTotals(DateOnly From, DateOnly To, long Sessions, long Viewers, long Engaged, long Buyers)
{
    public const int EngagedWatchSeconds = 300;

    /// <summary>Buyers per viewer, 0..1; 0 when no session in the range had a viewer.</summary>
    public double Conversion => Viewers == 0 ? 0 : (double)Buyers / Viewers;

    /// <summary>Share of viewers who engaged, 0..1.</summary>
    public double EngagementRate => Viewers == 0 ? 0 : (double)Engaged / Viewers;
}

/// <summary>
/// Reads the per-session funnel rows kept by <see cref="RollupLiveFunnel"/>: one row per session, picked by the
/// session's start (or, before it starts, its scheduled time) in the business time zone. A range's last day cut at a
/// time of day is counted afresh from that day's sessions' events and orders.
/// </summary>
public sealed class LiveFunnel(Db db, BusinessTime time)
{
    public Task<LiveFunnelTotals> GetAsync(DateOnly from, DateOnly to, CancellationToken ct = default) => GetAsync(from, to, null, ct);

    /// <summary>
    /// With <paramref name="lastDay"/>, the range's last day holds only the sessions begun before its cut, counted from
    /// their events and orders before the cut: the funnel rows hold whole sessions, so a cut day is read afresh.
    /// </summary>
    public async Task<LiveFunnelTotals> GetAsync(DateOnly from, DateOnly to, DayWindow? lastDay, CancellationToken ct = default)
    {
        if (to < from) throw new ArgumentException("The range ends before it starts.", nameof(to));
        if (lastDay is not null && lastDay.Day != to) throw new ArgumentException("The cut day must be the range's last day.", nameof(lastDay));
        await using var connection = await db.OpenAsync(ct);
        var range = new { start = time.StartOfDayUtc(from), end = lastDay?.StartUtc ?? time.StartOfDayUtc(to.AddDays(1)) };
        var row = await connection.QuerySingleAsync<Sums>(new CommandDefinition(Sums.Sql, range, cancellationToken: ct));
        if (lastDay is not null)
        {
            var cut = new { start = lastDay.StartUtc, end = lastDay.EndUtc, engagedSeconds = LiveFunnelTotals.EngagedWatchSeconds };
            var part = await connection.QuerySingleAsync<Sums>(new CommandDefinition(Sums.CutDaySql, cut, cancellationToken: ct));
            row = new Sums(row.Sessions + part.Sessions, row.Viewers + part.Viewers, row.Engaged + part.Engaged, row.Buyers + part.Buyers);
        }
        return new LiveFunnelTotals(from, to, row.Sessions, row.Viewers, row.Engaged, row.Buyers);
    }

    private sealed record Sums(long Sessions, long Viewers, long Engaged, long Buyers)
    {
        public Sums() : this(0, 0, 0, 0) { }

        public const string Sql = """
            SELECT COUNT(*) AS Sessions, COALESCE(SUM(f.viewers), 0) AS Viewers,
                   COALESCE(SUM(f.engaged), 0) AS Engaged, COALESCE(SUM(f.buyers), 0) AS Buyers
            FROM live_sessions s JOIN live_session_funnel f ON f.live_session_id = s.id
            WHERE COALESCE(s.started_at, s.scheduled_at) >= @start AND COALESCE(s.started_at, s.scheduled_at) < @end
            """;

        // RollupLiveFunnel's per-session counts (a session counts once it has a viewer, as a funnel row exists only then), for
        // the sessions begun in [@start, @end), from what happened before @end.
        public const string CutDaySql = """
            SELECT COUNT(DISTINCT p.live_session_id) AS Sessions, COUNT(*) AS Viewers,
                   COALESCE(SUM(CASE WHEN p.interactions > 0 OR p.watched >= @engagedSeconds THEN 1 ELSE 0 END), 0) AS Engaged,
                   COALESCE(SUM(CASE WHEN p.orders > 0 THEN 1 ELSE 0 END), 0) AS Buyers
            FROM (
                SELECT u.live_session_id, u.customer_id, SUM(u.interactions) AS interactions, SUM(u.watched) AS watched, SUM(u.orders) AS orders
                FROM (
                    SELECT live_session_id, customer_id,
                           SUM(CASE WHEN type IN ('page_view', 'watch') THEN 0 ELSE 1 END) AS interactions,
                           SUM(CASE WHEN type = 'watch' THEN COALESCE(value, 0) ELSE 0 END) AS watched,
                           0 AS orders
                    FROM events
                    WHERE live_session_id IN (SELECT id FROM live_sessions
                                              WHERE COALESCE(started_at, scheduled_at) >= @start AND COALESCE(started_at, scheduled_at) < @end)
                      AND occurred_at < @end
                    GROUP BY live_session_id, customer_id
                    UNION ALL
                    SELECT live_session_id, customer_id, 0 AS interactions, 0 AS watched, COUNT(*) AS orders
                    FROM orders
                    WHERE live_session_id IN (SELECT id FROM live_sessions
                                              WHERE COALESCE(started_at, scheduled_at) >= @start AND COALESCE(started_at, scheduled_at) < @end)
                      AND paid_at < @end
                    GROUP BY live_session_id, customer_id
                ) u
                GROUP BY u.live_session_id, u.customer_id
            ) p
            """;
    }
}
