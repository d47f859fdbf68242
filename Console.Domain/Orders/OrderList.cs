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
        var rows = await connection.QueryAsync<OrderRow>(new CommandDefinition(PageSql, args, cancellationToken: ct));
        return new OrderPage(rows.ToList(), total);
    }

    private const string CountSql = """
        SELECT COUNT(1)
        FROM orders o
        JOIN customers cu ON cu.id = o.customer_id
        JOIN courses co ON co.id = o.course_id
        WHERE (@orderId IS NULL OR LOWER(o.order_id) LIKE @orderId ESCAPE '\')
          AND (@customer IS NULL OR LOWER(cu.external_id) LIKE @customer ESCAPE '\' OR LOWER(cu.name) LIKE @customer ESCAPE '\'
               OR LOWER(cu.email) LIKE @customer ESCAPE '\')
          AND (@course IS NULL OR LOWER(co.title) LIKE @course ESCAPE '\' OR LOWER(co.external_id) LIKE @course ESCAPE '\')
          AND (@status IS NULL OR o.status = @status)
          AND (@coupon IS NULL OR EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND LOWER(d.code) = @coupon))
          AND (@fromUtc IS NULL OR o.paid_at >= @fromUtc) AND (@untilUtc IS NULL OR o.paid_at < @untilUtc)
        """;

    private const string PageSql = """
        SELECT Id, OrderId, CustomerId, CustomerExternalId, CustomerName, CourseId, CourseTitle, Channel, ListPrice, Payable, Refunded,
               Status, PaidAt
        FROM (
            SELECT o.id AS Id, o.order_id AS OrderId, o.customer_id AS CustomerId, cu.external_id AS CustomerExternalId,
                   cu.name AS CustomerName, o.course_id AS CourseId, co.title AS CourseTitle, o.channel AS Channel,
                   o.list_price AS ListPrice, o.payable AS Payable, o.refunded AS Refunded, o.status AS Status, o.paid_at AS PaidAt,
                   ROW_NUMBER() OVER (ORDER BY o.paid_at DESC, o.id DESC) AS RowNumber
            FROM orders o
            JOIN customers cu ON cu.id = o.customer_id
            JOIN courses co ON co.id = o.course_id
            WHERE (@orderId IS NULL OR LOWER(o.order_id) LIKE @orderId ESCAPE '\')
              AND (@customer IS NULL OR LOWER(cu.external_id) LIKE @customer ESCAPE '\' OR LOWER(cu.name) LIKE @customer ESCAPE '\'
                   OR LOWER(cu.email) LIKE @customer ESCAPE '\')
              AND (@course IS NULL OR LOWER(co.title) LIKE @course ESCAPE '\' OR LOWER(co.external_id) LIKE @course ESCAPE '\')
              AND (@status IS NULL OR o.status = @status)
              AND (@coupon IS NULL OR EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND LOWER(d.code) = @coupon))
              AND (@fromUtc IS NULL OR o.paid_at >= @fromUtc) AND (@untilUtc IS NULL OR o.paid_at < @untilUtc)
        ) AS numbered
        WHERE RowNumber > @skip AND RowNumber <= @skip + @take
        ORDER BY RowNumber
        """;
}
