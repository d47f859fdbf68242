using Console.Domain.Customers;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Courses;

/// <summary>The columns the grid may rank by; each maps to a fixed ORDER BY text, so no text from the caller reaches SQL.</summary>
public enum CourseSort { Revenue, Orders, RecentRevenue, Price, Title }

/// <summary>Days limits Orders and NetRevenue to the sales of these business days; the recent figures always cover the last days.</summary>
public sealed record CourseQuery(string? Search = null, CourseSort Sort = CourseSort.Revenue, bool Descending = true, DayRange? Days = null);

/// <summary>A course with its sales in the query's days and over the recent days (money in fen, net of refunds).</summary>
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

public sealed record CoursePage(IReadOnlyList<CourseRow> Rows, int Total);

/// <summary>The course grid, ranked and paged in the database, with sales from the daily_course_sales rollup, never from the orders table.</summary>
public sealed class CourseList(Db db)
{
    public const int RecentDays = 30;
    public const int MaxPageSize = 200;

    /// <param name="today">The current business day; "recent" is the <see cref="RecentDays"/> days up to it.</param>
    public async Task<CoursePage> QueryAsync(CourseQuery query, DateOnly today, int skip, int take, CancellationToken ct = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        var days = query.Days ?? DayRange.All;
        var args = new { search = Like.Contains(query.Search), since = today.AddDays(1 - RecentDays), from = days.From, to = days.To, skip, take };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(1) FROM courses c
            WHERE (@search IS NULL OR LOWER(c.title) LIKE @search ESCAPE '\' OR LOWER(c.category) LIKE @search ESCAPE '\'
                   OR LOWER(c.lecturer) LIKE @search ESCAPE '\' OR LOWER(c.external_id) LIKE @search ESCAPE '\')
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<CourseRow>(new CommandDefinition(PageSql(query), args, cancellationToken: ct));
        return new CoursePage(rows.ToList(), total);
    }

    internal static string PageSql(CourseQuery query) => $"""
        SELECT Id, ExternalId, Title, Category, Lecturer, ListPrice, Status, Orders, NetRevenue, RecentOrders, RecentNetRevenue,
               (SELECT COUNT(1) FROM live_sessions ls WHERE ls.course_id = numbered.Id) AS Sessions
        FROM (
            SELECT c.id AS Id, c.external_id AS ExternalId, c.title AS Title, c.category AS Category, c.lecturer AS Lecturer,
                   c.list_price AS ListPrice, c.status AS Status,
                   COALESCE(s.orders, 0) AS Orders, COALESCE(s.net, 0) AS NetRevenue,
                   COALESCE(s.recent_orders, 0) AS RecentOrders, COALESCE(s.recent_net, 0) AS RecentNetRevenue,
                   ROW_NUMBER() OVER (ORDER BY {OrderBy(query)}) AS RowNumber
            FROM courses c
            LEFT JOIN (
                SELECT course_id,
                       SUM(CASE WHEN (@from IS NULL OR day >= @from) AND (@to IS NULL OR day <= @to) THEN orders ELSE 0 END) AS orders,
                       SUM(CASE WHEN (@from IS NULL OR day >= @from) AND (@to IS NULL OR day <= @to) THEN gross - refunded ELSE 0 END) AS net,
                       SUM(CASE WHEN day >= @since THEN orders ELSE 0 END) AS recent_orders,
                       SUM(CASE WHEN day >= @since THEN gross - refunded ELSE 0 END) AS recent_net
                FROM daily_course_sales GROUP BY course_id
            ) s ON s.course_id = c.id
            WHERE (@search IS NULL OR LOWER(c.title) LIKE @search ESCAPE '\' OR LOWER(c.category) LIKE @search ESCAPE '\'
                   OR LOWER(c.lecturer) LIKE @search ESCAPE '\' OR LOWER(c.external_id) LIKE @search ESCAPE '\')
        ) AS numbered
        WHERE RowNumber > @skip AND RowNumber <= @skip + @take
        ORDER BY RowNumber
        """;

    // Only these fixed texts reach the statement; the id breaks ties so pages never overlap.
    private static string OrderBy(CourseQuery query)
    {
        var way = query.Descending ? " DESC" : "";
        return query.Sort switch
        {
            CourseSort.Orders => $"COALESCE(s.orders, 0){way}, COALESCE(s.net, 0){way}, c.id{way}",
            CourseSort.RecentRevenue => $"COALESCE(s.recent_net, 0){way}, COALESCE(s.recent_orders, 0){way}, c.id{way}",
            CourseSort.Price => $"c.list_price{way}, c.id{way}",
            CourseSort.Title => $"c.title{way}, c.id{way}",
            _ => $"COALESCE(s.net, 0){way}, COALESCE(s.orders, 0){way}, c.id{way}",
        };
    }
}
