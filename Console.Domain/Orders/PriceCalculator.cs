using Console.Domain.Coupons;

namespace Console.Domain.Orders;

/// <summary>
/// A coupon that passed its store checks (dates, eligibility, audience, limits). Value is hundredths (of a percent, or fen);
/// BudgetLeft is what its campaign may still give (null: no budget); SingleUse marks a generated unique code.
/// </summary>
public sealed record CouponTerms(string Code, long CampaignId, long CodeId, string Kind, long Value, long? MinSpend, long? MaxDiscount,
    bool Stackable, long Priority, long? BudgetLeft, long? PerCustomerLimit = null, bool SingleUse = false);

/// <summary>A coupon as applied to one order: its terms and the fen it took off.</summary>
public sealed record AppliedCoupon(CouponTerms Terms, long Amount);

public sealed record Calculation(IReadOnlyList<Discount> Discounts, IReadOnlyList<AppliedCoupon> Applied, long Payable,
    IReadOnlyList<RejectedCoupon> Rejected);

/// <summary>
/// The arithmetic of a price, with no store: list price → group-buy price → coupons. Coupons apply highest priority first,
/// then by code, so the same inputs always give the same price. An exclusive (non-stackable) coupon never combines with
/// another: whichever comes first in that order wins and the other is rejected. Each discount is whole fen, capped by
/// the coupon's max discount and by what is left to pay; min spend is checked against the running price.
/// </summary>
public static class PriceCalculator
{
    public static Calculation Apply(long listPrice, long? groupPrice, long? groupCampaignId, IEnumerable<CouponTerms> coupons)
    {
        var discounts = new List<Discount>();
        var running = listPrice;
        if (groupPrice is { } gp && groupCampaignId is { } campaignId)
        {
            var amount = Math.Clamp(listPrice - gp, 0, listPrice);
            discounts.Add(new Discount("group_buy", null, campaignId, amount));
            running -= amount;
        }

        var applied = new List<AppliedCoupon>();
        var rejected = new List<RejectedCoupon>();
        foreach (var c in coupons.OrderByDescending(c => c.Priority).ThenBy(c => c.Code, StringComparer.Ordinal))
        {
            if (applied.Count > 0 && (!c.Stackable || applied.Any(a => !a.Terms.Stackable)))
            {
                rejected.Add(new RejectedCoupon(c.Code, CouponRefusals.NotStackable));
                continue;
            }
            if (c.MinSpend is { } minSpend && running < minSpend)
            {
                rejected.Add(new RejectedCoupon(c.Code, CouponRefusals.MinSpendNotMet));
                continue;
            }
            var amount = Math.Clamp(Raw(c, running), 0, Math.Min(running, c.MaxDiscount ?? long.MaxValue));
            if (c.BudgetLeft is { } left && amount > left)
            {
                rejected.Add(new RejectedCoupon(c.Code, CouponRefusals.Exhausted));
                continue;
            }
            applied.Add(new AppliedCoupon(c, amount));
            discounts.Add(new Discount("coupon", c.Code, c.CampaignId, amount));
            running -= amount;
        }
        return new Calculation(discounts, applied, running, rejected);
    }

    /// <summary>Percentages round half up to the fen; a fixed price takes off whatever is above it.</summary>
    private static long Raw(CouponTerms c, long running) => c.Kind switch
    {
        CouponKinds.PercentOff => (long)Math.Round(running * (decimal)c.Value / 10_000m, MidpointRounding.AwayFromZero),
        CouponKinds.AmountOff => c.Value,
        CouponKinds.FixedPrice => running - c.Value,
        _ => throw new InvalidOperationException($"Unknown coupon kind '{c.Kind}'."),
    };
}
