using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Recommendations;

/// <summary>One customer's interest in one course as the store holds it: first purchase, watch seconds, carts.</summary>
public sealed record CourseInterest(string Customer, string Course, DateTime? BoughtAt, double WatchSeconds, int Carts, DateTime FirstAt);

/// <summary>A course as the recommender sees it: its key, its category and whether it may be offered.</summary>
public sealed record CatalogueCourse(string ExternalId, string? Category, bool Active);

/// <summary>
/// Reads implicit feedback per customer and course up to a time: purchases (orders not fully refunded), watch time and
/// add-to-cart events. Weighted purchase 3, watch up to 1.5 (an hour or more), each cart 0.5, so a purchase always
/// outweighs the rest.
/// </summary>
public sealed class StoreFeedback(Db db)
{
    public const double PurchaseWeight = 3, MaxWatchWeight = 1.5, CartWeight = 0.5;
    private const double WatchSecondsPerWeight = 2400;

    public static double Weight(CourseInterest i) =>
        (i.BoughtAt is null ? 0 : PurchaseWeight) + Math.Min(MaxWatchWeight, i.WatchSeconds / WatchSecondsPerWeight) + CartWeight * Math.Min(i.Carts, 2);

    private sealed class Row
    {
        public string Customer { get; init; } = "";
        public string Course { get; init; } = "";
        public DateTime? BoughtAt { get; init; }
        public double WatchSeconds { get; init; }
        public long Carts { get; init; }
        public DateTime FirstAt { get; init; }
    }

    private sealed class CourseRow
    {
        public string ExternalId { get; init; } = "";
        public string? Category { get; init; }
        public long Active { get; init; }
    }

    // Sums are cast so both engines answer the same types. Orders and the two event types, each grouped per customer and course before the union, so the events table is read once.
    private const string InterestSql = """
        SELECT c.external_id AS Customer, k.external_id AS Course, MIN(x.bought_at) AS BoughtAt, CAST(SUM(x.watch) AS FLOAT) AS WatchSeconds,
               CAST(SUM(x.carts) AS BIGINT) AS Carts, MIN(x.first_at) AS FirstAt
        FROM (
            SELECT customer_id, course_id, MIN(paid_at) AS bought_at, 0.0 AS watch, 0 AS carts, MIN(paid_at) AS first_at
            FROM orders WHERE status <> 'refunded' AND paid_at < @until
            GROUP BY customer_id, course_id
            UNION ALL
            SELECT customer_id, course_id, NULL, SUM(CASE WHEN type = 'watch' THEN COALESCE(value, 0) ELSE 0 END),
                   SUM(CASE WHEN type = 'add_to_cart' THEN 1 ELSE 0 END), MIN(occurred_at)
            FROM events WHERE type IN ('watch', 'add_to_cart') AND course_id IS NOT NULL AND occurred_at < @until
            GROUP BY customer_id, course_id
        ) x
        JOIN customers c ON c.id = x.customer_id
        JOIN courses k ON k.id = x.course_id
        GROUP BY c.external_id, k.external_id
        """;

    private const string CatalogueSql = """
        SELECT external_id AS ExternalId, category AS Category, CASE WHEN status = 'active' THEN 1 ELSE 0 END AS Active
        FROM courses ORDER BY external_id
        """;

    private const string SpanSql = """
        SELECT MIN(paid_at) AS FromUtc, MAX(paid_at) AS ToUtc FROM orders
        """;

    public async Task<IReadOnlyList<CourseInterest>> InterestAsync(DateTime until, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(InterestSql, new { until }, cancellationToken: ct));
        return rows.Select(r => new CourseInterest(r.Customer, r.Course, r.BoughtAt is { } b ? Utc(b) : null, r.WatchSeconds, (int)Math.Min(r.Carts, int.MaxValue), Utc(r.FirstAt)))
            .ToList();
    }

    public async Task<IReadOnlyList<CatalogueCourse>> CatalogueAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CourseRow>(new CommandDefinition(CatalogueSql, cancellationToken: ct));
        return rows.Select(r => new CatalogueCourse(r.ExternalId, r.Category, r.Active == 1)).ToList();
    }

    private sealed class Span
    {
        public DateTime? FromUtc { get; init; }
        public DateTime? ToUtc { get; init; }
    }

    /// <summary>The first and last purchase: the hold-out is cut inside this span.</summary>
    public async Task<(DateTime From, DateTime To)?> OrderSpanAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var span = await connection.QuerySingleAsync<Span>(new CommandDefinition(SpanSql, cancellationToken: ct));
        return span is { FromUtc: { } f, ToUtc: { } t } ? (Utc(f), Utc(t)) : null;
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
