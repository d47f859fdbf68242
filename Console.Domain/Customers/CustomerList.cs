using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Customers;

public enum CustomerSort { FirstSeenNewest, FirstSeenOldest, Name, Email, City }

public sealed record CustomerQuery(string? Search = null, CustomerSort Sort = CustomerSort.FirstSeenNewest);

/// <summary>One grid row; Orders and NetRevenue (fen, net of refunds) come from the page's own orders.</summary>
public sealed class CustomerRow
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
/// The customer grid: the page of customers is cut first and only its rows sum their orders
/// through ix_orders_customer, so the cost follows the page size, not the number of orders.
/// </summary>
public sealed class CustomerList(Db db)
{
    public const int MaxPageSize = 100;

    public async Task<CustomerPage> QueryAsync(CustomerQuery query, int skip, int take, CancellationToken ct = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        var args = new { search = Like.Contains(query.Search), skip, take };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(1) FROM customers
            WHERE (@search IS NULL OR LOWER(name) LIKE @search ESCAPE '\' OR LOWER(email) LIKE @search ESCAPE '\'
                   OR LOWER(city) LIKE @search ESCAPE '\')
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<CustomerRow>(new CommandDefinition(PageSql(query.Sort), args, cancellationToken: ct));
        return new CustomerPage(rows.ToList(), total);
    }

    // Only fixed column names reach the text; the id breaks ties so pages never overlap.
    private static string PageSql(CustomerSort sort) => $"""
        SELECT Id, ExternalId, Name, Email, City, Source, EmailOptIn, FirstSeen,
               (SELECT COUNT(1) FROM orders o WHERE o.customer_id = numbered.Id) AS Orders,
               (SELECT COALESCE(SUM(o.payable - o.refunded), 0) FROM orders o WHERE o.customer_id = numbered.Id) AS NetRevenue
        FROM (
            SELECT id AS Id, external_id AS ExternalId, name AS Name, email AS Email, city AS City, source AS Source,
                   email_opt_in AS EmailOptIn, created_at AS FirstSeen,
                   ROW_NUMBER() OVER (ORDER BY {OrderBy(sort)}) AS RowNumber
            FROM customers
            WHERE (@search IS NULL OR LOWER(name) LIKE @search ESCAPE '\' OR LOWER(email) LIKE @search ESCAPE '\'
                   OR LOWER(city) LIKE @search ESCAPE '\')
        ) AS numbered
        WHERE RowNumber > @skip AND RowNumber <= @skip + @take
        ORDER BY RowNumber
        """;

    private static string OrderBy(CustomerSort sort) => sort switch
    {
        CustomerSort.FirstSeenOldest => "created_at, id",
        CustomerSort.Name => "COALESCE(name, ''), id",
        CustomerSort.Email => "COALESCE(email, ''), id",
        CustomerSort.City => "COALESCE(city, ''), id",
        _ => "created_at DESC, id DESC",
    };
}
