using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Admin;

/// <summary>
/// What an Admin checks first. The newest event is the one stored last (highest id); its own time is when it happened,
/// the closest figure to "received" the store keeps.
/// </summary>
public sealed record HealthFigures
{
    public DateTime? LastEventAt { get; init; }
    public DateTime? LastOrderAt { get; init; }
    public long OrdersToday { get; init; }
    public long ActiveUsers { get; init; }
    public long DisabledUsers { get; init; }
    public long ActiveKeys { get; init; }
    public DateTime? LastKeyUseAt { get; init; }

    /// <summary>Batch items the ingestion API refused today, by code, the most frequent first.</summary>
    public IReadOnlyList<RejectedCount> RejectedToday { get; init; } = [];
}

public sealed record RejectedCount(string Code, long Items);

/// <summary>The store's side of system health: latest arrivals, today's traffic, users and API keys at a glance.</summary>
public sealed class SystemHealth(Db db, TimeProvider clock, BusinessTime time)
{
    public async Task<HealthFigures> ReadAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = time.DayOf(now);
        var dayStart = time.StartOfDayUtc(today);
        await using var connection = await db.OpenAsync(ct);
        var figures = await connection.QuerySingleAsync<HealthFigures>(new CommandDefinition(Sql, new { dayStart }, cancellationToken: ct));
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rejected = await connection.QueryAsync<RejectedCount>(new CommandDefinition(RejectedSql, new { day }, cancellationToken: ct));
        return figures with { RejectedToday = rejected.ToList() };
    }

    private const string RejectedSql = """
        SELECT code AS Code, items AS Items FROM rejected_items WHERE day = @day ORDER BY items DESC, code
        """;

    private const string Sql =
        """
        SELECT (SELECT occurred_at FROM events WHERE id = (SELECT MAX(id) FROM events)) AS LastEventAt,
               (SELECT MAX(created_at) FROM orders) AS LastOrderAt,
               (SELECT COUNT(*) FROM orders WHERE paid_at >= @dayStart) AS OrdersToday,
               (SELECT COUNT(*) FROM console_users WHERE disabled = 0) AS ActiveUsers,
               (SELECT COUNT(*) FROM console_users WHERE disabled <> 0) AS DisabledUsers,
               (SELECT COUNT(*) FROM api_keys WHERE disabled = 0) AS ActiveKeys,
               (SELECT MAX(last_used_at) FROM api_keys) AS LastKeyUseAt
        """;
}
