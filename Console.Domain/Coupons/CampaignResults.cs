using System.Data.Common;
using System.Globalization;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>
/// What a coupon or group-buy campaign did: its orders, their customers (new = the order was their first), the discount
/// still given (orders refunded in full give it back), the net revenue and refunds of those orders, and the same by day.
/// </summary>
public sealed record CampaignResults(long Uses, long Customers, long NewCustomers, long DiscountGiven, long NetRevenue,
    long RefundedOrders, long Refunded, IReadOnlyList<CampaignDay> Days)
{
    public double NewCustomerShare => Customers == 0 ? 0 : (double)NewCustomers / Customers;
}

/// <summary>One business day of a campaign: orders that used it, their discount and their net revenue (fen).</summary>
public sealed record CampaignDay(DateOnly Day, long Uses, long DiscountGiven, long NetRevenue);

/// <summary>The figures both campaign kinds share, over a constant sub-query naming the campaign's orders and discounts.</summary>
internal static class CampaignFigures
{
    private sealed record Totals
    {
        public long Uses { get; init; }
        public long Customers { get; init; }
        public long NewCustomers { get; init; }
        public long DiscountGiven { get; init; }
        public long NetRevenue { get; init; }
        public long RefundedOrders { get; init; }
        public long Refunded { get; init; }
    }

    private sealed record HourRow
    {
        public string Hour { get; init; } = "";
        public long Uses { get; init; }
        public long DiscountGiven { get; init; }
        public long NetRevenue { get; init; }
    }

    /// <summary>
    /// <paramref name="uses"/> is a constant SQL text selecting (order_id, discount) rows of the campaign for @id, one per
    /// order; no user value ever goes into it.
    /// </summary>
    public static async Task<CampaignResults> LoadAsync(Db db, DbConnection connection, string uses, long id, BusinessTime time,
        CancellationToken ct)
    {
        var derived = "(" + uses + ")";
        var totals = await connection.QuerySingleAsync<Totals>(new CommandDefinition(
            $"""
            SELECT COUNT(*) AS Uses, COUNT(DISTINCT x.customer_id) AS Customers,
                   COUNT(DISTINCT CASE WHEN x.is_first = 1 THEN x.customer_id END) AS NewCustomers,
                   COALESCE(SUM(x.discount), 0) AS DiscountGiven, COALESCE(SUM(x.net), 0) AS NetRevenue,
                   COALESCE(SUM(CASE WHEN x.refunded > 0 THEN 1 ELSE 0 END), 0) AS RefundedOrders,
                   COALESCE(SUM(x.refunded), 0) AS Refunded
            FROM (SELECT o.customer_id, o.refunded, o.payable - o.refunded AS net,
                         CASE WHEN o.status = 'refunded' THEN 0 ELSE u.discount END AS discount,
                         CASE WHEN EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id
                             AND (p.paid_at < o.paid_at OR (p.paid_at = o.paid_at AND p.id < o.id))) THEN 0 ELSE 1 END AS is_first
                  FROM {derived} u JOIN orders o ON o.id = u.order_id) x
            """, new { id }, cancellationToken: ct));
        // Hours are cut in SQL and moved to business days here, which holds for every zone with whole-hour offsets.
        var hours = await connection.QueryAsync<HourRow>(new CommandDefinition(db.IsSqlite
            ? $"""
              SELECT substr(o.paid_at, 1, 13) AS Hour, COUNT(*) AS Uses,
                     SUM(CASE WHEN o.status = 'refunded' THEN 0 ELSE u.discount END) AS DiscountGiven,
                     SUM(o.payable - o.refunded) AS NetRevenue
              FROM {derived} u JOIN orders o ON o.id = u.order_id
              GROUP BY substr(o.paid_at, 1, 13)
              """
            : $"""
              SELECT CONVERT(char(13), o.paid_at, 120) AS Hour, COUNT(*) AS Uses,
                     SUM(CASE WHEN o.status = 'refunded' THEN 0 ELSE u.discount END) AS DiscountGiven,
                     SUM(o.payable - o.refunded) AS NetRevenue
              FROM {derived} u JOIN orders o ON o.id = u.order_id
              GROUP BY CONVERT(char(13), o.paid_at, 120)
              """, new { id }, cancellationToken: ct));
        var days = hours
            .GroupBy(h => time.DayOf(DateTime.SpecifyKind(
                DateTime.ParseExact(h.Hour, "yyyy-MM-dd HH", CultureInfo.InvariantCulture), DateTimeKind.Utc)))
            .OrderBy(g => g.Key)
            .Select(g => new CampaignDay(g.Key, g.Sum(h => h.Uses), g.Sum(h => h.DiscountGiven), g.Sum(h => h.NetRevenue)))
            .ToList();
        return new CampaignResults(totals.Uses, totals.Customers, totals.NewCustomers, totals.DiscountGiven, totals.NetRevenue,
            totals.RefundedOrders, totals.Refunded, FillGaps(days));
    }

    /// <summary>Days without orders are zero, so a chart's x axis is a true calendar.</summary>
    private static List<CampaignDay> FillGaps(List<CampaignDay> days)
    {
        if (days.Count == 0) return days;
        var byDay = days.ToDictionary(d => d.Day);
        var result = new List<CampaignDay>();
        for (var day = days[0].Day; day <= days[^1].Day; day = day.AddDays(1))
            result.Add(byDay.TryGetValue(day, out var d) ? d : new CampaignDay(day, 0, 0, 0));
        return result;
    }
}

/// <summary>The results page of a coupon campaign: one row per order that redeemed it.</summary>
public sealed class CouponCampaignResults(Db db, BusinessTime time)
{
    private const string Uses = """
        SELECT r.order_id, SUM(r.amount) AS discount FROM coupon_redemptions r WHERE r.campaign_id = @id GROUP BY r.order_id
        """;

    public async Task<CampaignResults> LoadAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await CampaignFigures.LoadAsync(db, connection, Uses, id, time, ct);
    }
}
