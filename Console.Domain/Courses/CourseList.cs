using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Courses;

/// <summary>A course with its sales to date and over the recent days (money in fen, net of refunds).</summary>
public sealed class CourseRow
{
    public long Id { get; init; }
    public string ExternalId { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Category { get; init; }
    public string? Lecturer { get; init; }
    public long ListPrice { get; init; }
    public string Status { get; init; } = "";
    public long Orders { get; init; }
    public long NetRevenue { get; init; }
    public long RecentOrders { get; init; }
    public long RecentNetRevenue { get; init; }
    public long Sessions { get; init; }
}

/// <summary>Every course with its sales from the daily_course_sales rollup, never from the orders table.</summary>
public sealed class CourseList(Db db)
{
    public const int RecentDays = 30;

    /// <param name="today">The current business day; "recent" is the <see cref="RecentDays"/> days up to it.</param>
    public async Task<IReadOnlyList<CourseRow>> ListAsync(DateOnly today, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CourseRow>(new CommandDefinition(
            """
            SELECT c.id AS Id, c.external_id AS ExternalId, c.title AS Title, c.category AS Category, c.lecturer AS Lecturer,
                   c.list_price AS ListPrice, c.status AS Status,
                   COALESCE(s.orders, 0) AS Orders, COALESCE(s.net, 0) AS NetRevenue,
                   COALESCE(s.recent_orders, 0) AS RecentOrders, COALESCE(s.recent_net, 0) AS RecentNetRevenue,
                   (SELECT COUNT(1) FROM live_sessions ls WHERE ls.course_id = c.id) AS Sessions
            FROM courses c
            LEFT JOIN (
                SELECT course_id, SUM(orders) AS orders, SUM(gross - refunded) AS net,
                       SUM(CASE WHEN day >= @since THEN orders ELSE 0 END) AS recent_orders,
                       SUM(CASE WHEN day >= @since THEN gross - refunded ELSE 0 END) AS recent_net
                FROM daily_course_sales GROUP BY course_id
            ) s ON s.course_id = c.id
            ORDER BY c.title, c.id
            """, new { since = today.AddDays(1 - RecentDays) }, cancellationToken: ct));
        return rows.ToList();
    }
}
