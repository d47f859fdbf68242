using Console.Domain.Data;
using Dapper;

namespace Console.Domain.LiveSessions;

/// <summary>Interactions in one minute (UTC start of the minute).</summary>
public sealed record MinuteActivity(DateTime Minute, long Chats, long Questions, long PollVotes, long CouponClaims)
{
    public long Total => Chats + Questions + PollVotes + CouponClaims;
}

/// <summary>
/// Minute-by-minute interactions of a live session, counted in the database over the session's slice of
/// ix_events_live_session; every minute from the first to the last is returned, quiet ones as zeros.
/// </summary>
public sealed class LiveSessionActivity(Db db)
{
    /// <summary>More minutes than a day of streaming would make the chart unreadable and the page heavy.</summary>
    public const int MaxMinutes = 24 * 60;

    public async Task<IReadOnlyList<MinuteActivity>> ByMinuteAsync(long sessionId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var counts = (await connection.QueryAsync<MinuteCount>(new CommandDefinition(
            db.IsSqlite ? MinuteCount.SqliteSql : MinuteCount.SqlServerSql, new { sessionId }, cancellationToken: ct))).ToList();
        if (counts.Count == 0) return [];
        var byMinute = counts.GroupBy(c => c.Minute).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Type, c => c.Count));
        var first = byMinute.Keys.Min();
        var minutes = Math.Min((int)(byMinute.Keys.Max() - first).TotalMinutes + 1, MaxMinutes);
        return Enumerable.Range(0, minutes).Select(i => first.AddMinutes(i)).Select(m =>
        {
            var c = byMinute.GetValueOrDefault(m) ?? [];
            return new MinuteActivity(m, c.GetValueOrDefault("chat"), c.GetValueOrDefault("question"),
                c.GetValueOrDefault("poll_vote"), c.GetValueOrDefault("coupon_claim"));
        }).ToList();
    }

    private sealed class MinuteCount
    {
        public DateTime Minute { get; init; }
        public string Type { get; init; } = "";
        public long Count { get; init; }

        public const string SqliteSql = """
            SELECT strftime('%Y-%m-%d %H:%M:00', occurred_at) AS Minute, type AS Type, COUNT(1) AS Count
            FROM events WHERE live_session_id = @sessionId AND type IN ('chat', 'question', 'poll_vote', 'coupon_claim')
            GROUP BY strftime('%Y-%m-%d %H:%M:00', occurred_at), type
            """;

        public const string SqlServerSql = """
            SELECT DATEADD(minute, DATEDIFF(minute, 0, occurred_at), 0) AS Minute, type AS Type, COUNT(1) AS Count
            FROM events WHERE live_session_id = @sessionId AND type IN ('chat', 'question', 'poll_vote', 'coupon_claim')
            GROUP BY DATEADD(minute, DATEDIFF(minute, 0, occurred_at), 0), type
            """;
    }
}
