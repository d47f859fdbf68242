using System.Data.Common;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>
/// One business day's figures up to a cut, read from orders and refunds because the rollups hold whole days only.
/// The rollups' definitions hold: an order counts on the day it was paid, its refunds count against that day whenever
/// they came, a refunded order is one with a first refund, and paying customers are the ids of those orders.
/// </summary>
internal sealed record PartialDaySales(long Orders, long Gross, long Refunded, long RefundedOrders)
{
    public PartialDaySales() : this(0, 0, 0, 0) { }

    // A small indexed read: ix_orders_paid_at covers the day's orders, ix_refunds_order their refunds.
    public const string Sql = """
        SELECT (SELECT COUNT(*) FROM orders WHERE paid_at >= @start AND paid_at < @end) AS Orders,
               (SELECT COALESCE(SUM(payable), 0) FROM orders WHERE paid_at >= @start AND paid_at < @end) AS Gross,
               (SELECT COALESCE(SUM(r.amount), 0) FROM orders o JOIN refunds r ON r.order_id = o.id
                WHERE o.paid_at >= @start AND o.paid_at < @end) AS Refunded,
               (SELECT COALESCE(SUM(CASE WHEN r.first_for_order = 1 THEN 1 ELSE 0 END), 0) FROM orders o JOIN refunds r ON r.order_id = o.id
                WHERE o.paid_at >= @start AND o.paid_at < @end) AS RefundedOrders
        """;

    public const string CustomersSql = "SELECT DISTINCT customer_id FROM orders WHERE paid_at >= @start AND paid_at < @end";

    public static async Task<(PartialDaySales Sales, List<long> Customers)> ReadAsync(DbConnection connection, DayWindow window, CancellationToken ct)
    {
        var range = new { start = window.StartUtc, end = window.EndUtc };
        var sales = await connection.QuerySingleAsync<PartialDaySales>(new CommandDefinition(Sql, range, cancellationToken: ct));
        var customers = (await connection.QueryAsync<long>(new CommandDefinition(CustomersSql, range, cancellationToken: ct))).ToList();
        return (sales, customers);
    }
}
