using System.Data.Common;
using Dapper;

namespace Console.Domain.Coupons;

/// <summary>
/// When an order is refunded in full, its redemptions are marked reversed; the use (and budget) goes back to the
/// campaign only when the campaign says so. Runs in the refund's transaction, once per order.
/// </summary>
internal static class ReverseRedemptions
{
    private sealed record Redemption
    {
        public long Id { get; init; }
        public long CampaignId { get; init; }
        public long CodeId { get; init; }
        public long Amount { get; init; }
        public bool ReturnUse { get; init; }
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, long orderId, DateTime now, CancellationToken ct)
    {
        var redemptions = await connection.QueryAsync<Redemption>(new CommandDefinition(
            """
            SELECT r.id, r.campaign_id AS CampaignId, r.code_id AS CodeId, r.amount, c.return_use_on_refund AS ReturnUse
            FROM coupon_redemptions r JOIN coupon_campaigns c ON c.id = r.campaign_id
            WHERE r.order_id = @orderId AND r.reversed_at IS NULL
            """, new { orderId }, tx, cancellationToken: ct));
        foreach (var r in redemptions)
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE coupon_redemptions SET reversed_at = @now, use_returned = @ReturnUse WHERE id = @Id AND reversed_at IS NULL
                """, new { now, r.ReturnUse, r.Id }, tx, cancellationToken: ct));
            if (changed == 0 || !r.ReturnUse) continue;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE coupon_campaigns SET uses = uses - 1, budget_used = budget_used - @Amount WHERE id = @CampaignId;
                UPDATE coupon_codes SET uses = uses - 1 WHERE id = @CodeId AND is_unique = 1 AND uses > 0;
                """, new { r.Amount, r.CampaignId, r.CodeId }, tx, cancellationToken: ct));
        }
    }
}
