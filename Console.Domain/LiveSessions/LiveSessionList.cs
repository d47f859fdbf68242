using Console.Domain.Data;
using Console.Domain.Customers;
using Dapper;

namespace Console.Domain.LiveSessions;

/// <summary>The columns the grid may rank by; each maps to a fixed ORDER BY text, so no text from the caller reaches SQL.</summary>
public enum LiveSessionSort { Started, Revenue, Orders, Viewers, Conversion, Title }

/// <summary>Days keeps the sessions that started on these business days.</summary>
public sealed record LiveSessionQuery(long? CourseId = null, string? Search = null, LiveSessionSort Sort = LiveSessionSort.Started,
    bool Descending = true, DayRange? Days = null);

/// <summary>
/// One grid row. Orders and NetRevenue (fen) are the orders placed in the session's room; Viewers and Buyers come from
/// the live funnel rollup (customers with any event or order of the session, and those who paid one).
/// </summary>
public sealed class LiveSessionRow
{
    public long Id { get; init; }
    public string ExternalId { get; init; } = "";
    public string Title { get; init; } = "";
    public long CourseId { get; init; }
    public string CourseTitle { get; init; } = "";
    public string? Platform { get; init; }
    public string? Host { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public long? PeakViewers { get; init; }
    public long Viewers { get; init; }
    public long Buyers { get; init; }
    public long Orders { get; init; }
    public long NetRevenue { get; init; }

    /// <summary>Buyers per viewer, 0..1; 0 with no viewers.</summary>
    public double Conversion => Viewers == 0 ? 0 : (double)Buyers / Viewers;
}

public sealed record LiveSessionPage(IReadOnlyList<LiveSessionRow> Rows, int Total);

/// <summary>
/// The live sessions grid, ranked and paged in the database. Viewers and conversion are read from live_session_funnel,
/// so no ranking reads events; room sales are summed through ix_orders_live_session.
/// </summary>
public sealed class LiveSessionList(Db db, BusinessTime time)
{
    public const int MaxPageSize = 100;

    public async Task<LiveSessionPage> QueryAsync(LiveSessionQuery query, int skip, int take, CancellationToken ct = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        var (fromUtc, untilUtc) = (query.Days ?? DayRange.All).Utc(time);
        var args = new { courseId = query.CourseId, search = Like.Contains(query.Search), fromUtc, untilUtc, skip, take };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(1) FROM live_sessions ls
            WHERE (@courseId IS NULL OR ls.course_id = @courseId)
              AND (@search IS NULL OR LOWER(ls.title) LIKE @search ESCAPE '\' OR LOWER(ls.host) LIKE @search ESCAPE '\')
              AND (@fromUtc IS NULL OR ls.started_at >= @fromUtc) AND (@untilUtc IS NULL OR ls.started_at < @untilUtc)
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<LiveSessionRow>(new CommandDefinition(PageSql(query), args, cancellationToken: ct));
        return new LiveSessionPage(rows.ToList(), total);
    }

    internal static string PageSql(LiveSessionQuery query) => $"""
        SELECT Id, ExternalId, Title, CourseId, CourseTitle, Platform, Host, StartedAt, EndedAt, PeakViewers, Viewers, Buyers, Orders, NetRevenue
        FROM (
            SELECT ls.id AS Id, ls.external_id AS ExternalId, ls.title AS Title, ls.course_id AS CourseId, c.title AS CourseTitle,
                   ls.platform AS Platform, ls.host AS Host, ls.started_at AS StartedAt, ls.ended_at AS EndedAt,
                   ls.peak_viewers AS PeakViewers, COALESCE(f.viewers, 0) AS Viewers, COALESCE(f.buyers, 0) AS Buyers,
                   COALESCE(t.orders, 0) AS Orders, COALESCE(t.net, 0) AS NetRevenue,
                   ROW_NUMBER() OVER (ORDER BY {OrderBy(query)}) AS RowNumber
            FROM live_sessions ls
            JOIN courses c ON c.id = ls.course_id
            LEFT JOIN live_session_funnel f ON f.live_session_id = ls.id
            LEFT JOIN (
                SELECT live_session_id, COUNT(1) AS orders, SUM(payable - refunded) AS net
                FROM orders WHERE live_session_id IS NOT NULL
                GROUP BY live_session_id
            ) t ON t.live_session_id = ls.id
            WHERE (@courseId IS NULL OR ls.course_id = @courseId)
              AND (@search IS NULL OR LOWER(ls.title) LIKE @search ESCAPE '\' OR LOWER(ls.host) LIKE @search ESCAPE '\')
              AND (@fromUtc IS NULL OR ls.started_at >= @fromUtc) AND (@untilUtc IS NULL OR ls.started_at < @untilUtc)
        ) AS numbered
        WHERE RowNumber > @skip AND RowNumber <= @skip + @take
        ORDER BY RowNumber
        """;

    // Only these fixed texts reach the statement; sessions not yet started come last either way, the id breaks ties.
    private static string OrderBy(LiveSessionQuery query)
    {
        var way = query.Descending ? " DESC" : "";
        return query.Sort switch
        {
            LiveSessionSort.Revenue => $"COALESCE(t.net, 0){way}, COALESCE(t.orders, 0){way}, ls.id{way}",
            LiveSessionSort.Orders => $"COALESCE(t.orders, 0){way}, COALESCE(t.net, 0){way}, ls.id{way}",
            LiveSessionSort.Viewers => $"COALESCE(f.viewers, 0){way}, ls.id{way}",
            LiveSessionSort.Conversion =>
                $"CASE WHEN COALESCE(f.viewers, 0) = 0 THEN 0.0 ELSE CAST(f.buyers AS FLOAT) / f.viewers END{way}, COALESCE(f.viewers, 0){way}, ls.id{way}",
            LiveSessionSort.Title => $"ls.title{way}, ls.id{way}",
            _ => $"CASE WHEN ls.started_at IS NULL THEN 1 ELSE 0 END, ls.started_at{way}, ls.id{way}",
        };
    }
}
