using System.Data.Common;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>
/// Adds orders and refunds not yet counted into daily_sales and daily_customers, a bounded chunk per
/// transaction. Counting and flipping rolled_up commit together, so a retried, overlapping or
/// interrupted run can neither lose a row nor count one twice.
/// </summary>
public sealed class RollupDailySales(Db db, BusinessTime time)
{
    public const int DefaultChunkSize = 2000;

    /// <summary>Runs chunks until nothing is left; reports the running total after each committed chunk.</summary>
    public async Task<RollupResult> RunAsync(int chunkSize = DefaultChunkSize, IProgress<RollupResult>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var total = RollupResult.None;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var chunk = await RollUpChunkAsync(chunkSize, ct);
            if (chunk.IsEmpty) return total;
            total = total.Plus(chunk);
            progress?.Report(total);
        }
    }

    /// <summary>One transaction: take up to <paramref name="chunkSize"/> orders and refunds, count them, mark them.</summary>
    public async Task<RollupResult> RollUpChunkAsync(int chunkSize, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken before anything is read.
        await using var tx = await connection.BeginTransactionAsync(ct);
        var orders = await TakeAsync<PendingOrder>(connection, tx, db.IsSqlite ? PendingOrder.SqliteSql : PendingOrder.SqlServerSql, chunkSize, ct);
        var refunds = await TakeAsync<PendingRefund>(connection, tx, db.IsSqlite ? PendingRefund.SqliteSql : PendingRefund.SqlServerSql, chunkSize, ct);
        if (orders.Count == 0 && refunds.Count == 0) return RollupResult.None;

        var sales = new Dictionary<(DateOnly, long, string), DailySalesRow>();
        var payers = new Dictionary<DateOnly, List<long>>();
        foreach (var o in orders)
        {
            var day = time.DayOf(o.PaidAt);
            Add(sales, DailySalesRow.ForOrder(day, o.CourseId, o.Channel, o.Payable, o.Discount, o.LiveSessionId is not null));
            if (!payers.TryGetValue(day, out var ids)) payers[day] = ids = [];
            ids.Add(o.CustomerId);
        }
        foreach (var r in refunds)
            Add(sales, DailySalesRow.ForRefund(time.DayOf(r.PaidAt), r.CourseId, r.Channel, r.Amount, r.FirstForOrder));

        var fine = sales.Values.OrderBy(s => s.Day).ToList();
        await connection.ExecuteAsync(new CommandDefinition(db.IsSqlite ? UpsertSalesSqlite : UpsertSalesSqlServer, fine, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(db.IsSqlite ? RollupGrains.UpsertCourseSqlite : RollupGrains.UpsertCourseSqlServer,
            DailySalesRow.ByCourse(fine).ToList(), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(db.IsSqlite ? RollupGrains.UpsertChannelSqlite : RollupGrains.UpsertChannelSqlServer,
            DailySalesRow.ByChannel(fine).ToList(), tx, cancellationToken: ct));
        foreach (var (day, ids) in payers.OrderBy(p => p.Key))
            await AddPayersAsync(connection, tx, day, ids, ct);
        await MarkAsync(connection, tx, "orders", orders.Select(o => o.Id).ToList(), ct);
        await MarkAsync(connection, tx, "refunds", refunds.Select(r => r.Id).ToList(), ct);
        await tx.CommitAsync(ct);
        return new RollupResult(orders.Count, refunds.Count, 1);
    }

    /// <summary>Reads the first rows only: SQLite walks the partial rolled_up = 0 index lazily, so no LIMIT is needed.</summary>
    private static async Task<List<T>> TakeAsync<T>(DbConnection connection, DbTransaction tx, string sql, int chunkSize, CancellationToken ct)
    {
        var rows = new List<T>(Math.Min(chunkSize, 10_000));
        await foreach (var row in connection.QueryUnbufferedAsync<T>(sql, new { chunkSize }, tx).WithCancellation(ct))
        {
            rows.Add(row);
            if (rows.Count == chunkSize) break;
        }
        return rows;
    }

    private static void Add(Dictionary<(DateOnly, long, string), DailySalesRow> sales, DailySalesRow row)
    {
        var key = (row.Day, row.CourseId, row.Channel);
        sales[key] = sales.TryGetValue(key, out var sum) ? sum.Plus(row) : row;
    }

    private async Task AddPayersAsync(DbConnection connection, DbTransaction tx, DateOnly day, List<long> ids, CancellationToken ct)
    {
        var existing = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(db.IsSqlite
            ? "SELECT bitmap FROM daily_customers WHERE day = @day"
            : "SELECT bitmap FROM daily_customers WITH (UPDLOCK, HOLDLOCK) WHERE day = @day", new { day }, tx, cancellationToken: ct));
        var bitmap = CustomerBitmap.With(existing, ids);
        await connection.ExecuteAsync(new CommandDefinition(db.IsSqlite
            ? """
              INSERT INTO daily_customers (day, bitmap) VALUES (@day, @bitmap)
              ON CONFLICT (day) DO UPDATE SET bitmap = excluded.bitmap
              """
            : """
              MERGE daily_customers WITH (HOLDLOCK) AS t USING (SELECT @day AS day) AS s ON t.day = s.day
              WHEN MATCHED THEN UPDATE SET bitmap = @bitmap
              WHEN NOT MATCHED THEN INSERT (day, bitmap) VALUES (@day, @bitmap);
              """, new { day, bitmap }, tx, cancellationToken: ct));
    }

    private async Task MarkAsync(DbConnection connection, DbTransaction tx, string table, List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var sql = (db.IsSqlite, table) switch
        {
            (true, "orders") => "UPDATE orders SET rolled_up = 1 WHERE rolled_up = 0 AND id IN (SELECT value FROM json_each(@ids))",
            (true, _) => "UPDATE refunds SET rolled_up = 1 WHERE rolled_up = 0 AND id IN (SELECT value FROM json_each(@ids))",
            (false, "orders") => "UPDATE orders SET rolled_up = 1 WHERE rolled_up = 0 AND id IN (SELECT CAST(value AS bigint) FROM OPENJSON(@ids))",
            (false, _) => "UPDATE refunds SET rolled_up = 1 WHERE rolled_up = 0 AND id IN (SELECT CAST(value AS bigint) FROM OPENJSON(@ids))",
        };
        var marked = await connection.ExecuteAsync(new CommandDefinition(sql, new { ids = JsonSerializer.Serialize(ids) }, tx, cancellationToken: ct));
        // Fewer rows than read means another run counted some of them: roll back rather than count them twice.
        if (marked != ids.Count)
            throw new InvalidOperationException($"Rollup marked {marked} of {ids.Count} {table}; another run took the rest. Nothing was committed.");
    }

    private const string UpsertSalesSqlite = """
        INSERT INTO daily_sales (day, course_id, channel, orders, gross, discount, refunded, refunded_orders, live_orders)
        VALUES (@Day, @CourseId, @Channel, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders)
        ON CONFLICT (day, course_id, channel) DO UPDATE SET
            orders = orders + excluded.orders, gross = gross + excluded.gross, discount = discount + excluded.discount,
            refunded = refunded + excluded.refunded, refunded_orders = refunded_orders + excluded.refunded_orders,
            live_orders = live_orders + excluded.live_orders
        """;

    private const string UpsertSalesSqlServer = """
        MERGE daily_sales WITH (HOLDLOCK) AS t
        USING (SELECT @Day AS day, @CourseId AS course_id, @Channel AS channel) AS s
            ON t.day = s.day AND t.course_id = s.course_id AND t.channel = s.channel
        WHEN MATCHED THEN UPDATE SET
            orders = t.orders + @Orders, gross = t.gross + @Gross, discount = t.discount + @Discount,
            refunded = t.refunded + @Refunded, refunded_orders = t.refunded_orders + @RefundedOrders,
            live_orders = t.live_orders + @LiveOrders
        WHEN NOT MATCHED THEN INSERT (day, course_id, channel, orders, gross, discount, refunded, refunded_orders, live_orders)
            VALUES (@Day, @CourseId, @Channel, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders);
        """;

    private sealed record PendingOrder(long Id, long CustomerId, long CourseId, string Channel, long? LiveSessionId, long Payable, long Discount, DateTime PaidAt)
    {
        // Dapper fills properties after a parameterless constructor, so the UTC handler can read SQLite's text times.
        public PendingOrder() : this(0, 0, 0, "", null, 0, 0, default) { }

        public const string SqliteSql = """
            SELECT id, customer_id AS CustomerId, course_id AS CourseId, channel, live_session_id AS LiveSessionId, payable, discount, paid_at AS PaidAt
            FROM orders WHERE rolled_up = 0 ORDER BY id
            """;
        // UPDLOCK holds the rows to the end of the transaction; READPAST lets an overlapping run take the next ones.
        public const string SqlServerSql = """
            SELECT TOP (@chunkSize) id, customer_id AS CustomerId, course_id AS CourseId, channel, live_session_id AS LiveSessionId, payable, discount, paid_at AS PaidAt
            FROM orders WITH (UPDLOCK, READPAST, ROWLOCK) WHERE rolled_up = 0 ORDER BY id
            """;
    }

    private sealed record PendingRefund(long Id, long Amount, bool FirstForOrder, long CourseId, string Channel, DateTime PaidAt)
    {
        public PendingRefund() : this(0, 0, false, 0, "", default) { }

        public const string SqliteSql = """
            SELECT r.id, r.amount, r.first_for_order AS FirstForOrder, o.course_id AS CourseId, o.channel, o.paid_at AS PaidAt
            FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.rolled_up = 0 ORDER BY r.id
            """;
        public const string SqlServerSql = """
            SELECT TOP (@chunkSize) r.id, r.amount, r.first_for_order AS FirstForOrder, o.course_id AS CourseId, o.channel, o.paid_at AS PaidAt
            FROM refunds r WITH (UPDLOCK, READPAST, ROWLOCK) JOIN orders o ON o.id = r.order_id WHERE r.rolled_up = 0 ORDER BY r.id
            """;
    }
}
