using System.Data.Common;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>
/// Takes an order's coupon uses inside the order's transaction. The conditional updates are the guard: on SQLite every
/// write transaction is BEGIN IMMEDIATE and so runs alone; on SQL Server the updated row stays locked until commit.
/// A coupon that lost the race refuses the whole order, and the caller rolls everything back.
/// </summary>
internal static class RedeemCoupons
{
    /// <summary>CustomerId is null for a customer the store has not seen yet, who has used nothing.</summary>
    public static async Task<OrderRefusal?> ClaimAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AppliedCoupon> applied,
        long? customerId, CancellationToken ct)
    {
        foreach (var (terms, amount) in applied)
        {
            if (terms.PerCustomerLimit is { } limit
                && (customerId is { } known ? await CouponChecks.CustomerUsesAsync(connection, tx, terms.CampaignId, known, lockRows: true, ct) : 0) >= limit)
                return new OrderRefusal(CouponRefusals.CustomerLimitReached, terms.Code);
            var campaign = WriterStatements.For(connection) is { } kept
                ? await kept.ExecuteAsync(ClaimSql, tx, ct, ("CampaignId", terms.CampaignId), ("amount", amount))
                : await connection.ExecuteAsync(new CommandDefinition(ClaimSql, new { terms.CampaignId, amount }, tx, cancellationToken: ct));
            if (campaign == 0) return new OrderRefusal(CouponRefusals.Exhausted, terms.Code);
            // Only a single-use code needs its own guard; a shared code's uses are the campaign's.
            if (!terms.SingleUse) continue;
            var code = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE coupon_codes SET uses = uses + 1 WHERE id = @CodeId AND uses = 0
                """, new { terms.CodeId }, tx, cancellationToken: ct));
            // The campaign's use is taken already: a caller that wrote no savepoint must undo the whole group.
            if (code == 0) throw new CodeTaken(new OrderRefusal(CouponRefusals.Exhausted, terms.Code));
        }
        return null;
    }

    public static async Task RecordAsync(DbConnection connection, DbTransaction tx, long orderId, long customerId,
        IReadOnlyList<AppliedCoupon> applied, DateTime now, CancellationToken ct)
    {
        foreach (var (terms, amount) in applied)
        {
            if (WriterStatements.For(connection) is { } kept)
                await kept.ExecuteAsync(RecordSql, tx, ct, ("orderId", orderId), ("CampaignId", terms.CampaignId), ("CodeId", terms.CodeId),
                    ("customerId", customerId), ("amount", amount), ("now", now));
            else
                await connection.ExecuteAsync(new CommandDefinition(RecordSql,
                    new { orderId, terms.CampaignId, terms.CodeId, customerId, amount, now }, tx, cancellationToken: ct));
        }
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
