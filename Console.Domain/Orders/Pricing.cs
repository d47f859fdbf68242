using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.GroupBuys;

namespace Console.Domain.Orders;

/// <summary>What pricing needs to know about the course being bought; ListPrice in fen.</summary>
public sealed record PricedCourse(long Id, string ExternalId, string? Category, long ListPrice);

/// <summary>CustomerId is null for a customer the store has not seen yet.</summary>
public sealed record PriceRequest(PricedCourse Course, string CustomerExternalId, long? CustomerId,
    IReadOnlyList<string> CouponCodes, string? ReferralCode, GroupBuyRequest? GroupBuy);

/// <summary>
/// A worked-out price. A quote shows RejectedCoupons and still answers; an order is refused by the first of them.
/// Refusal is a refusal for quotes and orders alike (e.g. an inactive group-buy campaign). Coupons and GroupBuy are
/// what an order goes on to claim in its transaction.
/// </summary>
public sealed record Price(long ListPrice, IReadOnlyList<Discount> Discounts, long Payable,
    IReadOnlyList<RejectedCoupon> RejectedCoupons, OrderRefusal? Refusal)
{
    public long DiscountTotal => ListPrice - Payable;

    public IReadOnlyList<AppliedCoupon> Coupons { get; init; } = [];

    public GroupBuyPlan? GroupBuy { get; init; }

    public OrderRefusal? RefusalForOrder => Refusal ?? (RejectedCoupons.Count == 0
        ? null
        : new OrderRefusal(RejectedCoupons[0].Reason, RejectedCoupons[0].Code));
}

/// <summary>
/// The one place an order's price is worked out, for quotes, coupon checks and orders alike: list price → group-buy
/// price → coupons (see PriceCalculator). It runs on the caller's statements, inside the order's transaction when
/// creating, so that what it read is what the order then claims.
/// </summary>
public sealed class Pricing(TimeProvider clock, Segments.SegmentMembers segments)
{
    public async Task<Price> PriceAsync(Statements run, PriceRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var listPrice = request.Course.ListPrice;
        GroupBuyPlan? plan = null;
        if (request.GroupBuy is { } groupBuy)
        {
            (plan, var refusal) = await GroupBuyChecks.CheckAsync(run.Connection, run.Transaction, groupBuy, request, now, ct);
            if (refusal is not null) return new Price(listPrice, [], listPrice, [], refusal);
        }
        var (terms, rejected) = await CouponChecks.CheckAsync(run, request, now, segments, ct);
        var calculation = PriceCalculator.Apply(listPrice, plan?.Price, plan?.CampaignId, terms);
        return new Price(listPrice, calculation.Discounts, calculation.Payable, [.. rejected, .. calculation.Rejected], null)
        {
            Coupons = calculation.Applied,
            GroupBuy = plan,
        };
    }
}
