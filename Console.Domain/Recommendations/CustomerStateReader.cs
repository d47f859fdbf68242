using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Recommendations;

/// <summary>A customer's current interest, purchases and last-viewed category, read fresh per request from their own rows.</summary>
public sealed class CustomerStateReader(Db db)
{
    private sealed class Row
    {
        public string Course { get; init; } = "";
        public string? Category { get; init; }
        public long Bought { get; init; }
        public double WatchSeconds { get; init; }
        public long Carts { get; init; }
        public DateTime? ViewedAt { get; init; }
    }

    // Both halves read the customer's own index range: ix_orders_customer and ix_events_customer.
    private const string StateSql = """
        SELECT k.external_id AS Course, k.category AS Category, CAST(MAX(x.bought) AS BIGINT) AS Bought, CAST(SUM(x.watch) AS FLOAT) AS WatchSeconds,
               CAST(SUM(x.carts) AS BIGINT) AS Carts, MAX(x.viewed_at) AS ViewedAt
        FROM (
            SELECT course_id, CASE WHEN status <> 'refunded' THEN 1 ELSE 0 END AS bought, 0.0 AS watch, 0 AS carts, NULL AS viewed_at
            FROM orders WHERE customer_id = @customerId
            UNION ALL
            SELECT course_id, 0, CASE WHEN type = 'watch' THEN COALESCE(value, 0) ELSE 0 END,
                   CASE WHEN type = 'add_to_cart' THEN 1 ELSE 0 END, CASE WHEN type = 'page_view' THEN occurred_at END
            FROM events WHERE customer_id = @customerId AND course_id IS NOT NULL AND type IN ('watch', 'add_to_cart', 'page_view')
        ) x
        JOIN courses k ON k.id = x.course_id
        GROUP BY k.external_id, k.category
        """;

    private const string CustomerSql = "SELECT id FROM customers WHERE external_id = @externalId";

    private const string CourseSql = "SELECT COUNT(*) FROM courses WHERE external_id = @externalId";

    public async Task<bool> CourseExistsAsync(string courseExternalId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CourseSql, new { externalId = courseExternalId }, cancellationToken: ct)) > 0;
    }

    public async Task<CustomerState> ReadAsync(string customerExternalId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(CustomerSql, new { externalId = customerExternalId }, cancellationToken: ct));
        if (id is null) return CustomerState.Unknown(customerExternalId);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(StateSql, new { customerId = id }, cancellationToken: ct))).ToList();
        var interest = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var weight = StoreFeedback.Weight(new CourseInterest(customerExternalId, r.Course, r.Bought == 1 ? DateTime.MinValue : null,
                r.WatchSeconds, (int)Math.Min(r.Carts, int.MaxValue), DateTime.MinValue));
            if (weight > 0) interest[r.Course] = weight;
        }
        var bought = rows.Where(r => r.Bought == 1).Select(r => r.Course).ToHashSet(StringComparer.Ordinal);
        var lastViewed = rows.Where(r => r.ViewedAt is not null).MaxBy(r => r.ViewedAt);
        return new CustomerState(customerExternalId, interest, bought, lastViewed?.Category);
    }
}
