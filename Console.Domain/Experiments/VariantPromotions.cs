using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Experiments;

/// <summary>
/// What each variant of an experiment hands out, by campaign name, so that a results reader sees "20% off" beside the
/// variant instead of having to open the editor. Ended campaigns count too: a stopped experiment's coupons often are.
/// </summary>
public sealed class VariantPromotions(Db db)
{
    public static class Kinds
    {
        public const string Coupon = "coupon";
        public const string GroupBuy = "group_buy";
    }

    public sealed record Promotion(string Kind, long CampaignId, string Name);

    /// <summary>The promotion of every variant that has one, by variant key; a campaign deleted since is left out.</summary>
    public async Task<IReadOnlyDictionary<string, Promotion>> ForAsync(Experiment experiment, CancellationToken ct = default)
    {
        var found = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        var handing = experiment.Variants.Where(v => v.CouponCampaignId is not null || v.GroupBuyCampaignId is not null).ToList();
        if (handing.Count == 0) return found;
        await using var connection = await db.OpenAsync(ct);
        // One look-up per variant: an experiment has a handful of them.
        foreach (var v in handing)
        {
            var (kind, id, sql) = v.CouponCampaignId is { } coupon
                ? (Kinds.Coupon, coupon, "SELECT name FROM coupon_campaigns WHERE id = @id")
                : (Kinds.GroupBuy, v.GroupBuyCampaignId!.Value, "SELECT name FROM group_buy_campaigns WHERE id = @id");
            var name = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
            if (name is not null) found[v.Key] = new Promotion(kind, id, name);
        }
        return found;
    }
}
