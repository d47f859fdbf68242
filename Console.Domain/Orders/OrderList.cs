using Console.Domain.Customers;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Orders;

/// <summary>
/// What the orders grid filters on; every part is optional. OrderId, Customer (external id or name) and Course
/// (title or external id) match anywhere in the text, and Customer also matches a whole email address (addresses are
/// stored sealed, so only their look-up hash can be compared); Status and Coupon match exactly, the coupon code in any case.
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
public sealed class OrderList(Db db, BusinessTime time, PersonalData personal)
{
    public const int MaxPageSize = 100;

    public async Task<OrderPage> QueryAsync(OrderQuery query, int skip, int take, CancellationToken ct = default)
    {
        var a = Arguments(query) with { CustomerEmailHash = await personal.EmailHashAsync(query.Customer, ct) };
        var args = new { a.OrderId, a.Customer, a.CustomerEmailHash, a.Course, a.Status, a.Coupon, a.FromUtc, a.UntilUtc, skip = Math.Max(0, skip), take = Math.Clamp(take, 1, MaxPageSize) };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql(a), args, cancellationToken: ct));
        var rows = await connection.QueryAsync<OrderRow>(new CommandDefinition(PageSql(a, db.Dialect), args, cancellationToken: ct));
        return new OrderPage(rows.ToList(), total);
    }

    /// <summary>The query's values as the statement binds them: search texts as LIKE patterns, days as UTC bounds.</summary>
    internal sealed record Args(string? OrderId, string? Customer, string? Course, string? Status, string? Coupon,
        DateTime? FromUtc, DateTime? UntilUtc)
    {
        public string? CustomerEmailHash { get; init; }
    }

    internal Args Arguments(OrderQuery query)
    {
        var (fromUtc, untilUtc) = (query.Days ?? DayRange.All).Utc(time);
        return new Args(Like.Contains(query.OrderId), Like.Contains(query.Customer), Like.Contains(query.Course),
            string.IsNullOrWhiteSpace(query.Status) ? null : query.Status.Trim(),
            string.IsNullOrWhiteSpace(query.Coupon) ? null : query.Coupon.Trim().ToLowerInvariant(), fromUtc, untilUtc);
    }

    // Only the conditions whose value is given join the statement, each a fixed text: the planner then sees exactly what
    // applies and walks ix_orders_paid_at for newest first instead of sorting every order.
    private static string Conditions(Args a) => string.Concat(
        a.OrderId is null ? "" : "\n  AND LOWER(o.order_id) LIKE @OrderId ESCAPE '\\'",
        a.Customer is null ? "" : "\n  AND EXISTS (SELECT 1 FROM customers cf WHERE cf.id = o.customer_id AND (LOWER(cf.external_id) LIKE @Customer ESCAPE '\\' OR LOWER(cf.name) LIKE @Customer ESCAPE '\\' OR cf.email_hash = @CustomerEmailHash))",
        a.Course is null ? "" : "\n  AND EXISTS (SELECT 1 FROM courses kf WHERE kf.id = o.course_id AND (LOWER(kf.title) LIKE @Course ESCAPE '\\' OR LOWER(kf.external_id) LIKE @Course ESCAPE '\\'))",
        a.Status is null ? "" : "\n  AND o.status = @Status",
        a.Coupon is null ? "" : "\n  AND EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND LOWER(d.code) = @Coupon)",
        a.FromUtc is null ? "" : "\n  AND o.paid_at >= @FromUtc",
        a.UntilUtc is null ? "" : "\n  AND o.paid_at < @UntilUtc");

    // Filters on customers and courses are EXISTS tests, so counting every order joins nothing.
    internal static string CountSql(Args a) => CountFrom + Conditions(a);

    internal static string PageSql(Args a, Dialect dialect) =>
        RowsFrom + Conditions(a) + "\nORDER BY o.paid_at DESC, o.id DESC\n" + PageFragment.For(dialect);

    private const string CountFrom = """
        SELECT COUNT(1)
        FROM orders o
        WHERE 1 = 1
        """;

    private const string RowsFrom = """
        SELECT o.id AS Id, o.order_id AS OrderId, o.customer_id AS CustomerId, cu.external_id AS CustomerExternalId,
               cu.name AS CustomerName, o.course_id AS CourseId, co.title AS CourseTitle, o.channel AS Channel,
               o.list_price AS ListPrice, o.payable AS Payable, o.refunded AS Refunded, o.status AS Status, o.paid_at AS PaidAt
        FROM orders o
        JOIN customers cu ON cu.id = o.customer_id
        JOIN courses co ON co.id = o.course_id
        WHERE 1 = 1
        """;
}
