using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Orders;

/// <summary>The look-ups order use cases share: course, live session, customer (with stubs), and a stored order.</summary>
internal static class OrderStore
{
    public static Task<PricedCourse?> CourseAsync(DbConnection connection, DbTransaction? tx, string externalId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PricedCourse>(new CommandDefinition(
            """
            SELECT id, external_id AS ExternalId, category, list_price AS ListPrice
            FROM courses WHERE external_id = @externalId
            """, new { externalId }, tx, cancellationToken: ct));

    public static Task<long?> LiveSessionIdAsync(DbConnection connection, DbTransaction? tx, string externalId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            SELECT id FROM live_sessions WHERE external_id = @externalId
            """, new { externalId }, tx, cancellationToken: ct));

    public static Task<long?> CustomerIdAsync(DbConnection connection, DbTransaction? tx, string externalId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            SELECT id FROM customers WHERE external_id = @externalId
            """, new { externalId }, tx, cancellationToken: ct));

    /// <summary>
    /// A customer the platform has not sent yet becomes a stub that a later customer upsert fills in. On SQLite the no-op
    /// update on conflict lets one statement answer the id whether it inserted or not.
    /// </summary>
    public static Task<long> AddStubCustomerAsync(Statements run, string externalId, DateTime nowUtc, CancellationToken ct) =>
        run.ScalarAsync<long>(run.Dialect == Dialect.Sqlite ? SqliteStubSql : SqlServerStubSql, ct,
            ("externalId", externalId), ("nowUtc", nowUtc));

    private const string SqliteStubSql =
        """
        INSERT INTO customers (external_id, is_stub, created_at, updated_at) VALUES (@externalId, 1, @nowUtc, @nowUtc)
        ON CONFLICT (external_id) DO UPDATE SET external_id = excluded.external_id
        RETURNING id;
        """;

    private const string SqlServerStubSql =
        """
        INSERT INTO customers (external_id, is_stub, created_at, updated_at)
        SELECT @externalId, 1, @nowUtc, @nowUtc
        WHERE NOT EXISTS (SELECT 1 FROM customers WITH (UPDLOCK, HOLDLOCK) WHERE external_id = @externalId);
        SELECT id FROM customers WHERE external_id = @externalId;
        """;

    /// <summary>A checkout's look-ups in one statement: is the order stored, the customer known, the course there (Course null if not)?</summary>
    public sealed record CheckoutRow(long? ExistingId, long? CustomerId, long? CourseId, string? ExternalId, string? Category, long ListPrice)
    {
        public PricedCourse? Course => CourseId is { } id ? new PricedCourse(id, ExternalId!, Category, ListPrice) : null;
    }

    private const string CheckoutSql =
        """
        SELECT (SELECT id FROM orders WHERE order_id = @orderId) AS ExistingId,
               (SELECT id FROM customers WHERE external_id = @customerExternalId) AS CustomerId,
               co.id AS CourseId, co.external_id AS ExternalId, co.category, COALESCE(co.list_price, 0) AS ListPrice
        FROM (SELECT 1 AS one) x LEFT JOIN courses co ON co.external_id = @courseExternalId
        """;

    public static async Task<CheckoutRow> CheckoutAsync(Statements run, string orderId, string customerExternalId, string courseExternalId,
        CancellationToken ct) =>
        (await run.SingleOrDefaultAsync<CheckoutRow>(CheckoutSql, ct,
            ("orderId", orderId), ("customerExternalId", customerExternalId), ("courseExternalId", courseExternalId)))!;

    private sealed record OrderRow(long Id, string OrderId, string CustomerExternalId, string CourseExternalId,
        string? LiveSessionExternalId, string Channel, string? ReferralCode, long ListPrice, long Payable, long Refunded,
        string Status, DateTime PaidAt);

    public static async Task<Order?> FindOrderAsync(DbConnection connection, DbTransaction? tx, string orderId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<OrderRow>(new CommandDefinition(
            """
            SELECT o.id, o.order_id AS OrderId, cu.external_id AS CustomerExternalId, co.external_id AS CourseExternalId,
                   ls.external_id AS LiveSessionExternalId, o.channel, o.referral_code AS ReferralCode,
                   o.list_price AS ListPrice, o.payable, o.refunded, o.status, o.paid_at AS PaidAt
            FROM orders o
            JOIN customers cu ON cu.id = o.customer_id
            JOIN courses co ON co.id = o.course_id
            LEFT JOIN live_sessions ls ON ls.id = o.live_session_id
            WHERE o.order_id = @orderId
            """, new { orderId }, tx, cancellationToken: ct));
        if (row is null) return null;
        var discounts = await connection.QueryAsync<Discount>(new CommandDefinition(
            """
            SELECT kind, code, campaign_id AS CampaignId, amount FROM order_discounts WHERE order_id = @id ORDER BY id
            """, new { id = row.Id }, tx, cancellationToken: ct));
        var teamId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT MIN(team_id) FROM group_buy_members WHERE order_id = @id
            """, new { id = row.Id }, tx, cancellationToken: ct));
        var team = teamId is { } t ? await GroupBuys.TeamStore.LoadAsync(connection, tx, t, ct) : null;
        var attribution = await Partners.OrderAttribution.FindAsync(connection, tx, row.Id, ct);
        return new Order(row.OrderId, row.CustomerExternalId, row.CourseExternalId, row.LiveSessionExternalId, row.Channel,
            row.ReferralCode, row.ListPrice, discounts.ToList(), row.Payable, row.Refunded, row.Status, row.PaidAt, team, attribution);
    }
}
