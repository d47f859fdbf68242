using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>An active coupon campaign as the marketer's start page shows it: today's uses and what its budget has left (fen).</summary>
public sealed record RunningCampaign
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public long Value { get; init; }
    public long UsesToday { get; init; }
    public long Uses { get; init; }
    public long? TotalLimit { get; init; }
    public long? Budget { get; init; }
    public long BudgetUsed { get; init; }
    public DateTime? EndsAt { get; init; }

    public long? BudgetLeft => Budget is { } b ? Math.Max(0, b - BudgetUsed) : null;
}

/// <summary>The coupon campaigns running now (active, started, not ended), soonest ending first; uses today count from the business day's start.</summary>
public sealed class RunningCampaigns(Db db, TimeProvider clock, BusinessTime time)
{
    public async Task<IReadOnlyList<RunningCampaign>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dayStart = time.StartOfDayUtc(time.DayOf(now));
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<RunningCampaign>(new CommandDefinition(Sql, new { now, dayStart }, cancellationToken: ct));
        return rows.OrderBy(r => r.EndsAt ?? DateTime.MaxValue).ThenBy(r => r.Id).ToList();
    }

    private const string Sql =
        """
        SELECT c.id, c.name, c.kind, c.value, c.uses, c.total_limit AS TotalLimit, c.budget, c.budget_used AS BudgetUsed,
               c.ends_at AS EndsAt,
               (SELECT COUNT(*) FROM coupon_redemptions r
                WHERE r.campaign_id = c.id AND r.redeemed_at >= @dayStart AND r.reversed_at IS NULL) AS UsesToday
        FROM coupon_campaigns c
        WHERE c.status = 'active' AND (c.starts_at IS NULL OR c.starts_at <= @now) AND (c.ends_at IS NULL OR c.ends_at > @now)
        """;
}
