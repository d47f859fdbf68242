using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>
/// The rollups computed from scratch out of every order and refund: the reference the incremental
/// rollup must always equal, and the operators' way to rebuild the tables in one transaction.
/// </summary>
public sealed class RecomputeDailySales(Db db, BusinessTime time)
{
    /// <summary>What daily_sales and daily_customers should hold, given every order and refund in the store.</summary>
    public async Task<DailyRollups> ComputeAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ComputeAsync(connection, null, ct);
    }

    /// <summary>What daily_sales and daily_customers hold now.</summary>
    public async Task<DailyRollups> ReadStoredAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var sales = await connection.QueryAsync<StoredSales>(new CommandDefinition(StoredSales.Sql, cancellationToken: ct));
        var customers = await connection.QueryAsync<StoredCustomers>(new CommandDefinition(StoredCustomers.Sql, cancellationToken: ct));
        var courseSales = await connection.QueryAsync<StoredSales>(new CommandDefinition(RollupGrains.ReadCourseSql, cancellationToken: ct));
        var channelSales = await connection.QueryAsync<StoredSales>(new CommandDefinition(RollupGrains.ReadChannelSql, cancellationToken: ct));
        return DailyRollups.From(sales.Select(Row), customers.Select(c => new DailyCustomersRow(DateOnly.FromDateTime(c.Day), c.Bitmap)),
            courseSales.Select(Row), channelSales.Select(Row));

        static DailySalesRow Row(StoredSales s) =>
            new(DateOnly.FromDateTime(s.Day), s.CourseId, s.Channel, s.Orders, s.Gross, s.Discount, s.Refunded, s.RefundedOrders, s.LiveOrders);
    }

    /// <summary>Replaces both tables with the full computation and marks every row counted, all in one transaction.</summary>
    public async Task<RollupResult> RebuildAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // SQLite's IMMEDIATE transaction already keeps writers out; SQL Server needs the tables held until commit.
        if (!db.IsSqlite)
            await connection.ExecuteAsync(new CommandDefinition("""
                SELECT TOP (0) id FROM orders WITH (TABLOCKX, HOLDLOCK);
                SELECT TOP (0) id FROM refunds WITH (TABLOCKX, HOLDLOCK);
                """, transaction: tx, cancellationToken: ct));
        var rollups = await ComputeAsync(connection, tx, ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM daily_sales", transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM daily_customers", transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM daily_course_sales", transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM daily_channel_sales", transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RollupGrains.InsertCourseSql, rollups.CourseSales, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(RollupGrains.InsertChannelSql, rollups.ChannelSales, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO daily_sales (day, course_id, channel, orders, gross, discount, refunded, refunded_orders, live_orders)
            VALUES (@Day, @CourseId, @Channel, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders)
            """, rollups.Sales, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO daily_customers (day, bitmap) VALUES (@Day, @Bitmap)", rollups.Customers, tx, cancellationToken: ct));
        var orders = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE orders SET rolled_up = 1 WHERE rolled_up = 0", transaction: tx, cancellationToken: ct));
        var refunds = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refunds SET rolled_up = 1 WHERE rolled_up = 0", transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new RollupResult(orders, refunds, 1);
    }

    private async Task<DailyRollups> ComputeAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        var sales = new Dictionary<(DateOnly, long, string), DailySalesRow>();
        var payers = new Dictionary<DateOnly, List<long>>();
        await foreach (var o in connection.QueryUnbufferedAsync<OrderFacts>(OrderFacts.Sql, transaction: tx).WithCancellation(ct))
        {
            var day = time.DayOf(o.PaidAt);
            var key = (day, o.CourseId, o.Channel);
            var row = DailySalesRow.ForOrder(day, o.CourseId, o.Channel, o.Payable, o.Discount, o.LiveSessionId is not null);
            sales[key] = sales.TryGetValue(key, out var sum) ? sum.Plus(row) : row;
            if (!payers.TryGetValue(day, out var ids)) payers[day] = ids = [];
            ids.Add(o.CustomerId);
        }
        // Refunds count against the day their order was paid.
        await foreach (var r in connection.QueryUnbufferedAsync<RefundFacts>(RefundFacts.Sql, transaction: tx).WithCancellation(ct))
        {
            var day = time.DayOf(r.PaidAt);
            var key = (day, r.CourseId, r.Channel);
            var row = DailySalesRow.ForRefund(day, r.CourseId, r.Channel, r.Amount, r.FirstForOrder);
            sales[key] = sales.TryGetValue(key, out var sum) ? sum.Plus(row) : row;
        }
        return DailyRollups.From(sales.Values, payers.Select(p => new DailyCustomersRow(p.Key, CustomerBitmap.With(null, p.Value))));
    }

    private sealed record OrderFacts(long CustomerId, long CourseId, string Channel, long? LiveSessionId, long Payable, long Discount, DateTime PaidAt)
    {
        public OrderFacts() : this(0, 0, "", null, 0, 0, default) { }

        public const string Sql = """
            SELECT customer_id AS CustomerId, course_id AS CourseId, channel, live_session_id AS LiveSessionId, payable, discount, paid_at AS PaidAt
            FROM orders
            """;
    }

    private sealed record RefundFacts(long Amount, bool FirstForOrder, long CourseId, string Channel, DateTime PaidAt)
    {
        public RefundFacts() : this(0, false, 0, "", default) { }

        public const string Sql = """
            SELECT r.amount, r.first_for_order AS FirstForOrder, o.course_id AS CourseId, o.channel, o.paid_at AS PaidAt
            FROM refunds r JOIN orders o ON o.id = r.order_id
            """;
    }

    internal sealed record StoredSales(DateTime Day, long CourseId, string Channel, long Orders, long Gross, long Discount, long Refunded, long RefundedOrders, long LiveOrders)
    {
        public StoredSales() : this(default, 0, "", 0, 0, 0, 0, 0, 0) { }

        public const string Sql = """
            SELECT day, course_id AS CourseId, channel, orders, gross, discount, refunded, refunded_orders AS RefundedOrders, live_orders AS LiveOrders
            FROM daily_sales
            """;
    }

    private sealed record StoredCustomers(DateTime Day, byte[] Bitmap)
    {
        public StoredCustomers() : this(default, []) { }

        public const string Sql = "SELECT day, bitmap FROM daily_customers";
    }
}
