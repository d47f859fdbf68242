using Console.Domain.Data;
using Console.Domain.Customers;
using Dapper;

namespace Console.Domain.LiveSessions;

public enum LiveSessionSort { StartedNewest, StartedOldest, Title }

public sealed record LiveSessionQuery(long? CourseId = null, string? Search = null, LiveSessionSort Sort = LiveSessionSort.StartedNewest);

/// <summary>One grid row; Orders and NetRevenue (fen) are the orders placed in the session's room.</summary>
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
    public long Orders { get; init; }
    public long NetRevenue { get; init; }
}

public sealed record LiveSessionPage(IReadOnlyList<LiveSessionRow> Rows, int Total);

/// <summary>The live sessions grid, paged in the database; only the page's rows sum their orders.</summary>
public sealed class LiveSessionList(Db db)
{
    public const int MaxPageSize = 100;

    public async Task<LiveSessionPage> QueryAsync(LiveSessionQuery query, int skip, int take, CancellationToken ct = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        var args = new { courseId = query.CourseId, search = Like.Contains(query.Search), skip, take };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(1) FROM live_sessions ls
            WHERE (@courseId IS NULL OR ls.course_id = @courseId)
              AND (@search IS NULL OR LOWER(ls.title) LIKE @search ESCAPE '\' OR LOWER(ls.host) LIKE @search ESCAPE '\')
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<LiveSessionRow>(new CommandDefinition(PageSql(query.Sort), args, cancellationToken: ct));
        return new LiveSessionPage(rows.ToList(), total);
    }

    // Only fixed column names reach the text; sessions not yet started sort after the rest when newest come first.
    private static string PageSql(LiveSessionSort sort) => $"""
        SELECT Id, ExternalId, Title, CourseId, CourseTitle, Platform, Host, StartedAt, EndedAt, PeakViewers,
               (SELECT COUNT(1) FROM orders o WHERE o.live_session_id = numbered.Id) AS Orders,
               (SELECT COALESCE(SUM(o.payable - o.refunded), 0) FROM orders o WHERE o.live_session_id = numbered.Id) AS NetRevenue
        FROM (
            SELECT ls.id AS Id, ls.external_id AS ExternalId, ls.title AS Title, ls.course_id AS CourseId, c.title AS CourseTitle,
                   ls.platform AS Platform, ls.host AS Host, ls.started_at AS StartedAt, ls.ended_at AS EndedAt,
                   ls.peak_viewers AS PeakViewers,
                   ROW_NUMBER() OVER (ORDER BY {OrderBy(sort)}) AS RowNumber
            FROM live_sessions ls JOIN courses c ON c.id = ls.course_id
            WHERE (@courseId IS NULL OR ls.course_id = @courseId)
              AND (@search IS NULL OR LOWER(ls.title) LIKE @search ESCAPE '\' OR LOWER(ls.host) LIKE @search ESCAPE '\')
        ) AS numbered
        WHERE RowNumber > @skip AND RowNumber <= @skip + @take
        ORDER BY RowNumber
        """;

    private static string OrderBy(LiveSessionSort sort) => sort switch
    {
        LiveSessionSort.StartedOldest => "CASE WHEN ls.started_at IS NULL THEN 1 ELSE 0 END, ls.started_at, ls.id",
        LiveSessionSort.Title => "ls.title, ls.id",
        _ => "CASE WHEN ls.started_at IS NULL THEN 1 ELSE 0 END, ls.started_at DESC, ls.id DESC",
    };
}
