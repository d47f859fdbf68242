using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>A row of the coupon campaigns list: terms, window, status and how far along it is. Value is hundredths.</summary>
public sealed record CouponCampaignRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public long Value { get; init; }
    public string Status { get; init; } = "";
    public long Uses { get; init; }
    public long? TotalLimit { get; init; }
    public long BudgetUsed { get; init; }
    public long? Budget { get; init; }
    public DateTime? StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed record CouponCampaignPage(IReadOnlyList<CouponCampaignRow> Rows, long Total);

/// <summary>One page of coupon campaigns, newest first, optionally of one status.</summary>
public sealed class ListCouponCampaigns(Db db)
{
    public async Task<CouponCampaignPage> PageAsync(string? status, int skip, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { status, skip, take };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM coupon_campaigns WHERE (@status IS NULL OR status = @status)
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<CouponCampaignRow>(
            new CommandDefinition(PageSql.For(db.Dialect), args, cancellationToken: ct));
        return new CouponCampaignPage(rows.ToList(), total);
    }

    private static readonly DialectSql PageSql = new(d =>
        $"""
        SELECT id, name, kind, value, status, uses, total_limit AS TotalLimit, budget_used AS BudgetUsed, budget,
               starts_at AS StartsAt, ends_at AS EndsAt, created_at AS CreatedAt
        FROM coupon_campaigns WHERE (@status IS NULL OR status = @status)
        ORDER BY id DESC {PageFragment.For(d)}
        """);
}
