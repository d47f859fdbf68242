using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Courses;

public sealed class CourseInfo
{
    public long Id { get; init; }
    public string ExternalId { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Category { get; init; }
    public string? Lecturer { get; init; }
    public long ListPrice { get; init; }
    public string Status { get; init; } = "";
    public long Orders { get; init; }
    public long Gross { get; init; }
    public long Refunded { get; init; }
    public long LiveOrders { get; init; }
    public long Sessions { get; init; }

    public long NetRevenue => Gross - Refunded;
}

public enum TrendGrain { Day, Week }

/// <summary>One point of the trend: the business day, or the Monday that starts the week.</summary>
public sealed record TrendPoint(DateOnly Start, long Orders, long NetRevenue);

/// <summary>A course's header figures and its revenue trend, read from the daily_course_sales rollup.</summary>
public sealed class CourseDetail(Db db)
{
    public async Task<CourseInfo?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CourseInfo>(new CommandDefinition(
            """
            SELECT c.id AS Id, c.external_id AS ExternalId, c.title AS Title, c.category AS Category, c.lecturer AS Lecturer,
                   c.list_price AS ListPrice, c.status AS Status,
                   COALESCE(s.orders, 0) AS Orders, COALESCE(s.gross, 0) AS Gross, COALESCE(s.refunded, 0) AS Refunded,
                   COALESCE(s.live_orders, 0) AS LiveOrders,
                   (SELECT COUNT(1) FROM live_sessions ls WHERE ls.course_id = c.id) AS Sessions
            FROM courses c
            LEFT JOIN (
                SELECT course_id, SUM(orders) AS orders, SUM(gross) AS gross, SUM(refunded) AS refunded, SUM(live_orders) AS live_orders
                FROM daily_course_sales WHERE course_id = @id GROUP BY course_id
            ) s ON s.course_id = c.id
            WHERE c.id = @id
            """, new { id }, cancellationToken: ct));
    }

    /// <summary>Every day or week of [from, to], zeros included, so the chart's axis is even.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(long id, DateOnly from, DateOnly to, TrendGrain grain, CancellationToken ct = default)
    {
        if (to < from) throw new ArgumentException("The range ends before it starts.", nameof(to));
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<DayRow>(new CommandDefinition(
            """
            SELECT day AS Day, orders AS Orders, gross - refunded AS NetRevenue
            FROM daily_course_sales WHERE course_id = @id AND day >= @from AND day <= @to
            """, new { id, from, to }, cancellationToken: ct));
        var byDay = rows.ToDictionary(r => DateOnly.FromDateTime(r.Day));
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .Select(d => byDay.TryGetValue(d, out var r) ? new TrendPoint(d, r.Orders, r.NetRevenue) : new TrendPoint(d, 0, 0));
        if (grain == TrendGrain.Day) return days.ToList();
        return days.GroupBy(p => WeekStart(p.Start))
            .Select(g => new TrendPoint(g.Key, g.Sum(p => p.Orders), g.Sum(p => p.NetRevenue)))
            .ToList();
    }

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private sealed class DayRow
    {
        public DateTime Day { get; init; }
        public long Orders { get; init; }
        public long NetRevenue { get; init; }
    }
}
