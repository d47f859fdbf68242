using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Customers;

/// <summary>
/// The columns the grid may rank by; each maps to a fixed ORDER BY text, so no text from the caller reaches SQL. Email is
/// not among them: it is stored sealed, so its order in the store means nothing.
/// </summary>
public enum CustomerSort { Revenue, Orders, FirstSeen, Name, City }

/// <summary>Days limits the orders counted into Orders and NetRevenue to those paid on these business days.</summary>
public sealed record CustomerQuery(string? Search = null, CustomerSort Sort = CustomerSort.Revenue, bool Descending = true, DayRange? Days = null);

/// <summary>One grid row; Orders and NetRevenue (fen, net of refunds) count the orders paid in the query's days.</summary>
public sealed record CustomerRow
{
    public long Id { get; init; }
    public string ExternalId { get; init; } = "";
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? City { get; init; }
    public string? Source { get; init; }
    public bool EmailOptIn { get; init; }
    public DateTime FirstSeen { get; init; }
    public long Orders { get; init; }
    public long NetRevenue { get; init; }
}

public sealed record CustomerPage(IReadOnlyList<CustomerRow> Rows, int Total);

/// <summary>
/// The customer grid. Ranked by orders or revenue, the orders are summed once per customer and joined to the customers;
/// sorted by a customer column, each row sums its own orders through ix_orders_customer.
/// Neither reads events. The search matches part of a name, city or id, and an email address only whole (by its look-up
/// hash), since addresses are stored sealed.
/// </summary>
public sealed class CustomerList(Db db, BusinessTime time, PersonalData personal)
{
    public const int MaxPageSize = 100;

    public async Task<CustomerPage> QueryAsync(CustomerQuery query, int skip, int take, CancellationToken ct = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        var (fromUtc, untilUtc) = (query.Days ?? DayRange.All).Utc(time);
        var args = new { search = Like.Contains(query.Search), emailHash = await personal.EmailHashAsync(query.Search, ct), fromUtc, untilUtc, skip, take };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(1) FROM customers c
            WHERE (@search IS NULL OR LOWER(c.name) LIKE @search ESCAPE '\' OR c.email_hash = @emailHash
                   OR LOWER(c.city) LIKE @search ESCAPE '\' OR LOWER(c.external_id) LIKE @search ESCAPE '\')
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<CustomerRow>(new CommandDefinition(PageSql(query, db.Dialect), args, cancellationToken: ct));
        return new CustomerPage(rows.Select(r => r with { Email = personal.Open(r.Email) }).ToList(), total);
    }

    internal static string PageSql(CustomerQuery query, Dialect dialect) =>
        (query.Sort is CustomerSort.Revenue or CustomerSort.Orders ? RankedSql(query) : CustomersSql(query)) + "\n" + PageFragment.For(dialect);

    // Grouping on the cast keeps SQLite from walking ix_orders_customer row by row (one scan of orders and a sort is about three
    // times faster), and the cast's integer type still lets it index the sums for the join.
    private static string RankedSql(CustomerQuery query) => $"""
        SELECT c.id AS Id, c.external_id AS ExternalId, c.name AS Name, c.email AS Email, c.city AS City, c.source AS Source,
               c.email_opt_in AS EmailOptIn, c.created_at AS FirstSeen,
               COALESCE(t.orders, 0) AS Orders, COALESCE(t.net, 0) AS NetRevenue
        FROM customers c
        LEFT JOIN (
            SELECT CAST(customer_id AS BIGINT) AS customer_id, COUNT(1) AS orders, SUM(payable - refunded) AS net
            FROM orders
            WHERE (@fromUtc IS NULL OR paid_at >= @fromUtc) AND (@untilUtc IS NULL OR paid_at < @untilUtc)
            GROUP BY CAST(customer_id AS BIGINT)
        ) t ON t.customer_id = c.id
        WHERE (@search IS NULL OR LOWER(c.name) LIKE @search ESCAPE '\' OR c.email_hash = @emailHash
               OR LOWER(c.city) LIKE @search ESCAPE '\' OR LOWER(c.external_id) LIKE @search ESCAPE '\')
        ORDER BY {OrderBy(query)}
        """;

    // Along ix_customers_created_at SQLite sums the orders of the page's rows only; other columns sort all matches first.
    private static string CustomersSql(CustomerQuery query) => $"""
        SELECT c.id AS Id, c.external_id AS ExternalId, c.name AS Name, c.email AS Email, c.city AS City, c.source AS Source,
               c.email_opt_in AS EmailOptIn, c.created_at AS FirstSeen,
               (SELECT COUNT(1) FROM orders o WHERE o.customer_id = c.id
                  AND (@fromUtc IS NULL OR o.paid_at >= @fromUtc) AND (@untilUtc IS NULL OR o.paid_at < @untilUtc)) AS Orders,
               (SELECT COALESCE(SUM(o.payable - o.refunded), 0) FROM orders o WHERE o.customer_id = c.id
                  AND (@fromUtc IS NULL OR o.paid_at >= @fromUtc) AND (@untilUtc IS NULL OR o.paid_at < @untilUtc)) AS NetRevenue
        FROM customers c
        WHERE (@search IS NULL OR LOWER(c.name) LIKE @search ESCAPE '\' OR c.email_hash = @emailHash
               OR LOWER(c.city) LIKE @search ESCAPE '\' OR LOWER(c.external_id) LIKE @search ESCAPE '\')
        ORDER BY {OrderBy(query)}
        """;

    // Only these fixed texts reach the statement; the id breaks ties so pages never overlap.
    private static string OrderBy(CustomerQuery query)
    {
        var way = query.Descending ? " DESC" : "";
        return query.Sort switch
        {
            CustomerSort.Revenue => $"COALESCE(t.net, 0){way}, COALESCE(t.orders, 0){way}, c.id{way}",
            CustomerSort.Orders => $"COALESCE(t.orders, 0){way}, COALESCE(t.net, 0){way}, c.id{way}",
            CustomerSort.Name => $"COALESCE(c.name, ''){way}, c.id{way}",
            CustomerSort.City => $"COALESCE(c.city, ''){way}, c.id{way}",
            _ => $"c.created_at{way}, c.id{way}",
        };
    }
}
