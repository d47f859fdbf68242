using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>The headline figures for the business days [From, To]; money in fen.</summary>
public sealed record SalesTotals(
    DateOnly From, DateOnly To, long Gross, long Refunded, long Orders, long PayingCustomers, long RefundedOrders,
    IReadOnlyList<DayRevenue> RevenueByDay)
{
    /// <summary>Gross minus refunded: what the period's orders finally brought in.</summary>
    public long NetRevenue => checked(Gross - Refunded);

    /// <summary>Net revenue per order, in fen; 0 when there were no orders.</summary>
    public long AverageOrderValue => Orders == 0 ? 0 : (long)Math.Round((decimal)NetRevenue / Orders, MidpointRounding.AwayFromZero);

    /// <summary>Share of the period's orders with at least one refund, 0..1.</summary>
    public double RefundRate => Orders == 0 ? 0 : (double)RefundedOrders / Orders;
}

/// <summary>The headline figures plus the breakdowns the dashboard charts.</summary>
public sealed record SalesFigures(
    SalesTotals Totals, IReadOnlyList<CategoryRevenue> RevenueByCategory,
    IReadOnlyList<ChannelRevenue> RevenueByChannel, IReadOnlyList<CourseRevenue> TopCourses);

public sealed record DayRevenue(DateOnly Day, long NetRevenue, long Orders);
public sealed record CategoryRevenue(string? Category, long NetRevenue, long Orders);
public sealed record ChannelRevenue(string Channel, long NetRevenue, long Orders);
public sealed record CourseRevenue(long CourseId, string ExternalId, string Title, string? Category, long NetRevenue, long Orders);

/// <summary>The period, and the headline figures of the one of equal length just before it for the deltas.</summary>
public sealed record SalesSummaryResult(SalesFigures Current, SalesTotals Previous);

/// <summary>
/// Dashboard numbers read from the rollups (plus the small courses table): the channel grain gives the per-day totals
/// and the channel split, the course grain the course and category splits. The one exception is a previous period's
/// last day cut at a time of day, which the whole-day rollups cannot give: that day is read from its orders.
/// </summary>
public sealed class SalesSummary(Db db)
{
    public const int TopCourseCount = 10;

    public Task<SalesSummaryResult> GetAsync(DateOnly from, DateOnly to, CancellationToken ct = default) => GetAsync(from, to, null, ct);

    /// <summary>
    /// With <paramref name="previousLastDay"/>, the previous period's last day counts only up to its cut (read from
    /// orders), so a period ending today is compared with the previous one up to the same time of day.
    /// </summary>
    public async Task<SalesSummaryResult> GetAsync(DateOnly from, DateOnly to, DayWindow? previousLastDay, CancellationToken ct = default)
    {
        if (previousLastDay is not null && previousLastDay.Day != from.AddDays(-1))
            throw new ArgumentException("The cut day must be the previous period's last day.", nameof(previousLastDay));
        if (to < from) throw new ArgumentException("The range ends before it starts.", nameof(to));
        var days = to.DayNumber - from.DayNumber + 1;
        await using var connection = await db.OpenAsync(ct);
        var courses = (await connection.QueryAsync<CourseInfo>(new CommandDefinition(CourseInfo.Sql, cancellationToken: ct)))
            .ToDictionary(c => c.Id);
        var current = await FiguresAsync(connection, courses, from, to, ct);
        var previous = await TotalsAsync(connection, from.AddDays(-days), from.AddDays(-1), previousLastDay, ct);
        return new SalesSummaryResult(current, previous);
    }

    private static async Task<SalesTotals> TotalsAsync(DbConnection connection, DateOnly from, DateOnly to, DayWindow? lastDay, CancellationToken ct)
    {
        // Whole days come from the rollups; a cut last day from orders up to its cut.
        var range = new { from, to = lastDay is null ? to : to.AddDays(-1) };
        var byDay = (await connection.QueryAsync<DayTotals>(new CommandDefinition(DayTotals.Sql, range, cancellationToken: ct)))
            .ToDictionary(d => DateOnly.FromDateTime(d.Day));
        var payers = Array.Empty<byte>();
        await foreach (var bitmap in connection.QueryUnbufferedAsync<byte[]>(
            "SELECT bitmap FROM daily_customers WHERE day >= @from AND day <= @to", range).WithCancellation(ct))
            CustomerBitmap.OrInto(ref payers, bitmap);
        if (lastDay is not null)
        {
            var (part, customers) = await PartialDaySales.ReadAsync(connection, lastDay, ct);
            byDay[lastDay.Day] = new DayTotals(lastDay.Day.ToDateTime(TimeOnly.MinValue), part.Orders, part.Gross, part.Refunded, part.RefundedOrders);
            CustomerBitmap.OrInto(ref payers, CustomerBitmap.With(null, customers));
        }
        var revenueByDay = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i))
            .Select(d => byDay.TryGetValue(d, out var t) ? new DayRevenue(d, checked(t.Gross - t.Refunded), t.Orders) : new DayRevenue(d, 0, 0))
            .ToList();
        return new SalesTotals(from, to,
            Gross: byDay.Values.Sum(d => d.Gross), Refunded: byDay.Values.Sum(d => d.Refunded),
            Orders: byDay.Values.Sum(d => d.Orders), PayingCustomers: CustomerBitmap.Count(payers),
            RefundedOrders: byDay.Values.Sum(d => d.RefundedOrders), RevenueByDay: revenueByDay);
    }

    private static async Task<SalesFigures> FiguresAsync(DbConnection connection, Dictionary<long, CourseInfo> courses,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var range = new { from, to };
        var totals = await TotalsAsync(connection, from, to, null, ct);
        var byCourse = (await connection.QueryAsync<CourseTotals>(new CommandDefinition(CourseTotals.Sql, range, cancellationToken: ct))).ToList();
        var byChannel = (await connection.QueryAsync<ChannelTotals>(new CommandDefinition(ChannelTotals.Sql, range, cancellationToken: ct))).ToList();
        var courseRows = byCourse.Select(c => courses.TryGetValue(c.CourseId, out var info)
                ? new CourseRevenue(info.Id, info.ExternalId, info.Title, info.Category, checked(c.Gross - c.Refunded), c.Orders)
                : new CourseRevenue(c.CourseId, "", "", null, checked(c.Gross - c.Refunded), c.Orders))
            .ToList();
        return new SalesFigures(totals,
            RevenueByCategory: courseRows.GroupBy(c => c.Category)
                .Select(g => new CategoryRevenue(g.Key, g.Sum(c => c.NetRevenue), g.Sum(c => c.Orders)))
                .OrderByDescending(c => c.NetRevenue).ThenBy(c => c.Category, StringComparer.Ordinal).ToList(),
            RevenueByChannel: byChannel.Select(c => new ChannelRevenue(c.Channel, checked(c.Gross - c.Refunded), c.Orders))
                .OrderByDescending(c => c.NetRevenue).ThenBy(c => c.Channel, StringComparer.Ordinal).ToList(),
            TopCourses: courseRows.OrderByDescending(c => c.NetRevenue).ThenBy(c => c.CourseId).Take(TopCourseCount).ToList());
    }

    private sealed record CourseInfo(long Id, string ExternalId, string Title, string? Category)
    {
        public CourseInfo() : this(0, "", "", null) { }

        public const string Sql = "SELECT id, external_id AS ExternalId, title, category FROM courses";
    }

    private sealed record DayTotals(DateTime Day, long Orders, long Gross, long Refunded, long RefundedOrders)
    {
        public DayTotals() : this(default, 0, 0, 0, 0) { }

        public const string Sql = """
            SELECT day, SUM(orders) AS Orders, SUM(gross) AS Gross, SUM(refunded) AS Refunded, SUM(refunded_orders) AS RefundedOrders
            FROM daily_channel_sales WHERE day >= @from AND day <= @to GROUP BY day
            """;
    }

    private sealed record CourseTotals(long CourseId, long Orders, long Gross, long Refunded)
    {
        public CourseTotals() : this(0, 0, 0, 0) { }

        public const string Sql = """
            SELECT course_id AS CourseId, SUM(orders) AS Orders, SUM(gross) AS Gross, SUM(refunded) AS Refunded
            FROM daily_course_sales WHERE day >= @from AND day <= @to GROUP BY course_id
            """;
    }

    private sealed record ChannelTotals(string Channel, long Orders, long Gross, long Refunded)
    {
        public ChannelTotals() : this("", 0, 0, 0) { }

        public const string Sql = """
            SELECT channel, SUM(orders) AS Orders, SUM(gross) AS Gross, SUM(refunded) AS Refunded
            FROM daily_channel_sales WHERE day >= @from AND day <= @to GROUP BY channel
            """;
    }
}
