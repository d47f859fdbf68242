using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Experiments;

/// <summary>
/// What each variant of an experiment hands out, by campaign name, so that a results reader sees "20% off" beside the
/// variant instead of having to open the editor. Ended campaigns count too: a stopped experiment's coupons often are.
/// </summary>
public sealed class VariantPromotions(Db db)
{
    public sealed record Promotion
    {
        public string VariantKey { get; init; } = "";
        public string? Coupon { get; init; }
        public string? GroupBuy { get; init; }
    }

    private const string Sql =
        """
        SELECT v.variant_key AS VariantKey, c.name AS Coupon, g.name AS GroupBuy
        FROM experiment_variants v
        LEFT JOIN coupon_campaigns c ON c.id = v.coupon_campaign_id
        LEFT JOIN group_buy_campaigns g ON g.id = v.group_buy_campaign_id
        WHERE v.experiment_id = @experimentId AND (c.id IS NOT NULL OR g.id IS NOT NULL)
        """;

    /// <summary>The promotion of every variant that hands one out, by variant key.</summary>
    public async Task<IReadOnlyDictionary<string, Promotion>> ForAsync(long experimentId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Promotion>(new CommandDefinition(Sql, new { experimentId }, cancellationToken: ct)))
            .ToDictionary(p => p.VariantKey, StringComparer.Ordinal);
    }
}
