namespace Console.Domain.Sales;

/// <summary>SQL for the course and channel grains of daily sales, shared by the rollup job and the rebuild.</summary>
internal static class RollupGrains
{
    public const string UpsertCourseSqlite = """
        INSERT INTO daily_course_sales (day, course_id, orders, gross, discount, refunded, refunded_orders, live_orders)
        VALUES (@Day, @CourseId, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders)
        ON CONFLICT (day, course_id) DO UPDATE SET
            orders = orders + excluded.orders, gross = gross + excluded.gross, discount = discount + excluded.discount,
            refunded = refunded + excluded.refunded, refunded_orders = refunded_orders + excluded.refunded_orders,
            live_orders = live_orders + excluded.live_orders
        """;

    public const string UpsertCourseSqlServer = """
        MERGE daily_course_sales WITH (HOLDLOCK) AS t
        USING (SELECT @Day AS day, @CourseId AS course_id) AS s ON t.day = s.day AND t.course_id = s.course_id
        WHEN MATCHED THEN UPDATE SET
            orders = t.orders + @Orders, gross = t.gross + @Gross, discount = t.discount + @Discount,
            refunded = t.refunded + @Refunded, refunded_orders = t.refunded_orders + @RefundedOrders,
            live_orders = t.live_orders + @LiveOrders
        WHEN NOT MATCHED THEN INSERT (day, course_id, orders, gross, discount, refunded, refunded_orders, live_orders)
            VALUES (@Day, @CourseId, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders);
        """;

    public const string UpsertChannelSqlite = """
        INSERT INTO daily_channel_sales (day, channel, orders, gross, discount, refunded, refunded_orders, live_orders)
        VALUES (@Day, @Channel, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders)
        ON CONFLICT (day, channel) DO UPDATE SET
            orders = orders + excluded.orders, gross = gross + excluded.gross, discount = discount + excluded.discount,
            refunded = refunded + excluded.refunded, refunded_orders = refunded_orders + excluded.refunded_orders,
            live_orders = live_orders + excluded.live_orders
        """;

    public const string UpsertChannelSqlServer = """
        MERGE daily_channel_sales WITH (HOLDLOCK) AS t
        USING (SELECT @Day AS day, @Channel AS channel) AS s ON t.day = s.day AND t.channel = s.channel
        WHEN MATCHED THEN UPDATE SET
            orders = t.orders + @Orders, gross = t.gross + @Gross, discount = t.discount + @Discount,
            refunded = t.refunded + @Refunded, refunded_orders = t.refunded_orders + @RefundedOrders,
            live_orders = t.live_orders + @LiveOrders
        WHEN NOT MATCHED THEN INSERT (day, channel, orders, gross, discount, refunded, refunded_orders, live_orders)
            VALUES (@Day, @Channel, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders);
        """;

    public const string InsertCourseSql = """
        INSERT INTO daily_course_sales (day, course_id, orders, gross, discount, refunded, refunded_orders, live_orders)
        VALUES (@Day, @CourseId, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders)
        """;

    public const string InsertChannelSql = """
        INSERT INTO daily_channel_sales (day, channel, orders, gross, discount, refunded, refunded_orders, live_orders)
        VALUES (@Day, @Channel, @Orders, @Gross, @Discount, @Refunded, @RefundedOrders, @LiveOrders)
        """;

    // The grains read back in DailySalesRow's shape: the course grain has no channel, the channel grain course id 0.
    public const string ReadCourseSql = """
        SELECT day, course_id AS CourseId, '' AS Channel, orders, gross, discount, refunded, refunded_orders AS RefundedOrders, live_orders AS LiveOrders
        FROM daily_course_sales
        """;

    public const string ReadChannelSql = """
        SELECT day, 0 AS CourseId, channel, orders, gross, discount, refunded, refunded_orders AS RefundedOrders, live_orders AS LiveOrders
        FROM daily_channel_sales
        """;
}
