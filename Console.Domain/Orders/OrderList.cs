using Console.Domain.Customers;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Orders;

/// <summary>
/// What the orders grid filters on; every part is optional. OrderId, Customer (external id, name or email) and Course
/// (title or external id) match anywhere in the text; Status and Coupon match exactly, the coupon code in any case.
/// </summary>
public sealed record OrderQuery(string? OrderId = null, string? Customer = null, string? Course = null, string? Status = null,
    string? Coupon = null, DayRange? Days = null);

/// <summary>One grid row; money in fen, PaidAt in UTC.</summary>
public sealed class OrderRow
{
    public long Id { get; init; }
    public string OrderId { get; init; } = "";
    public long CustomerId { get; init; }
    public string CustomerExternalId { get; init; } = "";
    public string? CustomerName { get; init; }
    public long CourseId { get; init; }
    public string CourseTitle { get; init; } = "";
    public string Channel { get; init; } = "";
    public long ListPrice { get; init; }
    public long Payable { get; init; }
    public long Refunded { get; init; }
    public string Status { get; init; } = "";
    public DateTime PaidAt { get; init; }
}

public sealed record OrderPage(IReadOnlyList<OrderRow> Rows, int Total);

/// <summary>The orders grid, newest first, filtered and paged in the database.</summary>
public sealed class OrderList(Db db, BusinessTime time)
{
    public const int MaxPageSize = 100;

    public async Task<OrderPage> QueryAsync(OrderQuery query, int skip, int take, CancellationToken ct = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        var (fromUtc, untilUtc) = (query.Days ?? DayRange.All).Utc(time);
        var args = new
        {
            orderId = Like.Contains(query.OrderId), customer = Like.Contains(query.Customer), course = Like.Contains(query.Course),
            status = string.IsNullOrWhiteSpace(query.Status) ? null : query.Status.Trim(),
            coupon = string.IsNullOrWhiteSpace(query.Coupon) ? null : query.Coupon.Trim().ToLowerInvariant(),
            fromUtc, untilUtc, skip, take,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<OrderRow>(new CommandDefinition(PageSql(db.Dialect), args, cancellationToken: ct));
        return new OrderPage(rows.ToList(), total);
    }

    // Filters on customers and courses are EXISTS tests, so counting every order joins nothing.
    private const string CountSql = """
        SELECT COUNT(1)
        FROM orders o
        WHERE (@orderId IS NULL OR LOWER(o.order_id) LIKE @orderId ESCAPE '\')
          AND (@customer IS NULL OR EXISTS (SELECT 1 FROM customers cf WHERE cf.id = o.customer_id
               AND (LOWER(cf.external_id) LIKE @customer ESCAPE '\' OR LOWER(cf.name) LIKE @customer ESCAPE '\'
                    OR LOWER(cf.email) LIKE @customer ESCAPE '\')))
          AND (@course IS NULL OR EXISTS (SELECT 1 FROM courses kf WHERE kf.id = o.course_id
               AND (LOWER(kf.title) LIKE @course ESCAPE '\' OR LOWER(kf.external_id) LIKE @course ESCAPE '\')))
          AND (@status IS NULL OR o.status = @status)
          AND (@coupon IS NULL OR EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND LOWER(d.code) = @coupon))
          AND (@fromUtc IS NULL OR o.paid_at >= @fromUtc) AND (@untilUtc IS NULL OR o.paid_at < @untilUtc)
        """;

    // Newest first walks ix_orders_paid_at backwards, so a page costs its own rows, not the whole table.
    internal static string PageSql(Dialect dialect) => RowsSql + "\n" + PageFragment.For(dialect);

    private const string RowsSql = """
        SELECT o.id AS Id, o.order_id AS OrderId, o.customer_id AS CustomerId, cu.external_id AS CustomerExternalId,
               cu.name AS CustomerName, o.course_id AS CourseId, co.title AS CourseTitle, o.channel AS Channel,
               o.list_price AS ListPrice, o.payable AS Payable, o.refunded AS Refunded, o.status AS Status, o.paid_at AS PaidAt
        FROM orders o
        JOIN customers cu ON cu.id = o.customer_id
        JOIN courses co ON co.id = o.course_id
        WHERE (@orderId IS NULL OR LOWER(o.order_id) LIKE @orderId ESCAPE '\')
          AND (@customer IS NULL OR EXISTS (SELECT 1 FROM customers cf WHERE cf.id = o.customer_id
               AND (LOWER(cf.external_id) LIKE @customer ESCAPE '\' OR LOWER(cf.name) LIKE @customer ESCAPE '\'
                    OR LOWER(cf.email) LIKE @customer ESCAPE '\')))
          AND (@course IS NULL OR EXISTS (SELECT 1 FROM courses kf WHERE kf.id = o.course_id
               AND (LOWER(kf.title) LIKE @course ESCAPE '\' OR LOWER(kf.external_id) LIKE @course ESCAPE '\')))
          AND (@status IS NULL OR o.status = @status)
          AND (@coupon IS NULL OR EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND LOWER(d.code) = @coupon))
          AND (@fromUtc IS NULL OR o.paid_at >= @fromUtc) AND (@untilUtc IS NULL OR o.paid_at < @untilUtc)
        ORDER BY o.paid_at DESC, o.id DESC
        """;
}
