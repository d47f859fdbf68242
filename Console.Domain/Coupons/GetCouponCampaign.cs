using Console.Domain.Data;

namespace Console.Domain.Coupons;

/// <summary>One coupon campaign with its uses, the discount it has given and the revenue of its orders; null when unknown.</summary>
public sealed class GetCouponCampaign(Db db)
{
    public async Task<CouponCampaign?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await CouponCampaignStore.LoadAsync(connection, null, id, ct);
    }
}
