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
/// session's start (or, before it starts, its scheduled time) in the business time zone.
/// </summary>
public sealed class LiveFunnel(Db db, BusinessTime time)
{
    public async Task<LiveFunnelTotals> GetAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from) throw new ArgumentException("The range ends before it starts.", nameof(to));
        await using var connection = await db.OpenAsync(ct);
        var range = new { start = time.StartOfDayUtc(from), end = time.StartOfDayUtc(to.AddDays(1)) };
        var row = await connection.QuerySingleAsync<Sums>(new CommandDefinition(Sums.Sql, range, cancellationToken: ct));
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
    }
}
