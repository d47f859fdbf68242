using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Coupons;

/// <summary>
/// Takes an order's coupon uses inside the order's transaction. The conditional updates are the guard: on SQLite every
/// write transaction is BEGIN IMMEDIATE and so runs alone; on SQL Server the updated row stays locked until commit.
/// A coupon that lost the race refuses the whole order, and the caller rolls everything back.
/// </summary>
internal static class RedeemCoupons
{
    /// <summary>CustomerId is null for a customer the store has not seen yet, who has used nothing.</summary>
    public static async Task<OrderRefusal?> ClaimAsync(Statements run, IReadOnlyList<AppliedCoupon> applied, long? customerId,
        CancellationToken ct)
    {
        foreach (var (terms, amount) in applied)
        {
            if (terms.PerCustomerLimit is { } limit
                && (customerId is { } known ? await CouponChecks.CustomerUsesAsync(run, terms.CampaignId, known, lockRows: true, ct) : 0) >= limit)
                return new OrderRefusal(CouponRefusals.CustomerLimitReached, terms.Code);
            var campaign = await run.ExecuteAsync(ClaimSql, ct, ("CampaignId", terms.CampaignId), ("amount", amount));
            if (campaign == 0) return new OrderRefusal(CouponRefusals.Exhausted, terms.Code);
            // Only a single-use code needs its own guard; a shared code's uses are the campaign's.
            if (!terms.SingleUse) continue;
            var code = await run.ExecuteAsync(
                """
                UPDATE coupon_codes SET uses = uses + 1 WHERE id = @CodeId AND uses = 0
                """, ct, ("CodeId", terms.CodeId));
            // The campaign's use is taken already: a caller that wrote no savepoint must undo the whole group.
            if (code == 0) throw new CodeTaken(new OrderRefusal(CouponRefusals.Exhausted, terms.Code));
        }
        return null;
    }

    public static async Task RecordAsync(Statements run, long orderId, long customerId, IReadOnlyList<AppliedCoupon> applied, DateTime now,
        CancellationToken ct)
    {
        foreach (var (terms, amount) in applied)
            await run.ExecuteAsync(RecordSql, ct, ("orderId", orderId), ("CampaignId", terms.CampaignId), ("CodeId", terms.CodeId),
                ("customerId", customerId), ("amount", amount), ("now", now));
    }

    private const string ClaimSql =
        """
        UPDATE coupon_campaigns SET uses = uses + 1, budget_used = budget_used + @amount
        WHERE id = @CampaignId AND status = 'active'
          AND (total_limit IS NULL OR uses < total_limit)
          AND (budget IS NULL OR budget_used + @amount <= budget)
        """;

    private const string RecordSql =
        """
        INSERT INTO coupon_redemptions (order_id, campaign_id, code_id, customer_id, amount, redeemed_at, reversed_at, use_returned)
        VALUES (@orderId, @CampaignId, @CodeId, @customerId, @amount, @now, NULL, 0)
        """;
}

/// <summary>A unique code was taken after its campaign's use was claimed in the same order: the refusal to give once that is undone.</summary>
internal sealed class CodeTaken(OrderRefusal refusal) : Exception(refusal.Code)
{
    public OrderRefusal Refusal { get; } = refusal;
}
