using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Courses;

public enum SessionRanking { Revenue, Buyers }

/// <summary>A live session of the course with the orders placed in its room (money in fen, net of refunds).</summary>
public sealed class CourseSessionRow
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string? Platform { get; init; }
    public string? Host { get; init; }
    public DateTime? StartedAt { get; init; }
    public long? PeakViewers { get; init; }
    public long Orders { get; init; }
    public long Buyers { get; init; }
    public long NetRevenue { get; init; }
}

/// <summary>
/// A course's best live sessions. Only orders carrying the session's id count here (one index seek per
/// session); the session page adds the viewers' later orders of the course.
/// </summary>
public sealed class CourseSessions(Db db)
{
    public async Task<IReadOnlyList<CourseSessionRow>> BestAsync(long courseId, SessionRanking ranking, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CourseSessionRow>(new CommandDefinition(
            """
            SELECT ls.id AS Id, ls.title AS Title, ls.platform AS Platform, ls.host AS Host, ls.started_at AS StartedAt,
                   ls.peak_viewers AS PeakViewers,
                   COUNT(o.id) AS Orders, COUNT(DISTINCT o.customer_id) AS Buyers,
                   COALESCE(SUM(o.payable - o.refunded), 0) AS NetRevenue
            FROM live_sessions ls
            LEFT JOIN orders o ON o.live_session_id = ls.id
            WHERE ls.course_id = @courseId
            GROUP BY ls.id, ls.title, ls.platform, ls.host, ls.started_at, ls.peak_viewers
            """, new { courseId }, cancellationToken: ct));
        var ordered = ranking == SessionRanking.Buyers
            ? rows.OrderByDescending(r => r.Buyers).ThenByDescending(r => r.NetRevenue)
            : rows.OrderByDescending(r => r.NetRevenue).ThenByDescending(r => r.Buyers);
        return ordered.ThenByDescending(r => r.StartedAt).ThenBy(r => r.Id).Take(Math.Max(0, take)).ToList();
    }
}
