using Console.Domain.Coupons;
using Console.Domain.Data;

namespace Console.Domain.GroupBuys;

/// <summary>The results page of a group-buy campaign: one row per order that took a seat in one of its teams.</summary>
public sealed class GroupBuyResults(Db db, BusinessTime time)
{
    private const string Uses = """
        SELECT m.order_id, COALESCE((SELECT SUM(d.amount) FROM order_discounts d
                                     WHERE d.order_id = m.order_id AND d.kind = 'group_buy' AND d.campaign_id = @id), 0) AS discount
        FROM group_buy_members m JOIN group_buy_teams t ON t.id = m.team_id WHERE t.campaign_id = @id
        """;

    public async Task<CampaignResults> LoadAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await CampaignFigures.LoadAsync(db, connection, Uses, id, time, ct);
    }
}
