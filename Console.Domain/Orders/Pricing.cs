using System.Data.Common;

namespace Console.Domain.Orders;

/// <summary>What pricing needs to know about the course being bought; ListPrice in fen.</summary>
public sealed record PricedCourse(long Id, string ExternalId, string? Category, long ListPrice);

/// <summary>CustomerId is null for a customer the store has not seen yet.</summary>
public sealed record PriceRequest(PricedCourse Course, string CustomerExternalId, long? CustomerId,
    IReadOnlyList<string> CouponCodes, string? ReferralCode, GroupBuyRequest? GroupBuy);

/// <summary>
/// A worked-out price. A quote shows RejectedCoupons and still answers; an order is refused by the first of them.
/// Refusal is a refusal for quotes and orders alike (e.g. an inactive group-buy campaign).
/// </summary>
public sealed record Price(long ListPrice, IReadOnlyList<Discount> Discounts, long Payable,
    IReadOnlyList<RejectedCoupon> RejectedCoupons, OrderRefusal? Refusal)
{
    public long DiscountTotal => ListPrice - Payable;

    public OrderRefusal? RefusalForOrder => Refusal ?? (RejectedCoupons.Count == 0
        ? null
        : new OrderRefusal(RejectedCoupons[0].Reason, $"Coupon '{RejectedCoupons[0].Code}' cannot be used ({RejectedCoupons[0].Reason})."));
}

/// <summary>
/// The one place an order's price is worked out, for quotes and orders alike. It runs on the caller's connection
/// (inside the order's transaction when creating) so that coupon and group-buy rules can read and claim in the store.
/// Until the promotions engine lands, every course sells at its list price: no coupon is known and no group buy runs.
/// </summary>
public sealed class Pricing
{
    public Task<Price> PriceAsync(DbConnection connection, DbTransaction? tx, PriceRequest request, CancellationToken ct)
    {
        var listPrice = request.Course.ListPrice;
        if (request.GroupBuy is not null)
        {
            var refusal = new OrderRefusal(OrderRefusals.CampaignNotActive,
                $"Group-buy campaign {request.GroupBuy.CampaignId} is not active.");
            return Task.FromResult(new Price(listPrice, [], listPrice, [], refusal));
        }
        var rejected = request.CouponCodes.Select(code => new RejectedCoupon(code, OrderRefusals.CouponNotFound)).ToList();
        IReadOnlyList<Discount> discounts = [];
        return Task.FromResult(new Price(listPrice, discounts, Payable(listPrice, discounts), rejected, null));
    }

    /// <summary>Discounts can add up to more than the price; what is paid never goes below zero.</summary>
    public static long Payable(long listPrice, IEnumerable<Discount> discounts) =>
        Math.Max(0, listPrice - discounts.Sum(d => d.Amount));
}
