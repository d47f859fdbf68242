using System.Data.Common;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.GroupBuys;

/// <summary>
/// Carries out an order's group-buy plan inside the order's transaction: opens a team with the customer as leader, or
/// takes a seat in one. Seats are taken by a conditional update, so a team never gets more members than its size; the
/// join that fills it marks it succeeded and moves all its orders from awaiting_group to paid.
/// </summary>
internal static class JoinTeam
{
    public static async Task<OrderRefusal?> ExecuteAsync(Statements run, GroupBuyPlan plan, long orderId, long customerId, DateTime now,
        CancellationToken ct)
    {
        if (plan.TeamId is not { } teamId)
        {
            var opened = await run.ExecuteAsync(
                """
                UPDATE group_buy_campaigns SET teams_opened = teams_opened + 1
                WHERE id = @CampaignId AND status = 'active' AND (max_teams IS NULL OR teams_opened < max_teams)
                """, ct, ("CampaignId", plan.CampaignId));
            if (opened == 0) return new OrderRefusal(GroupBuyRefusals.CampaignTeamLimit, plan.CampaignId);
            teamId = await run.InsertAsync(OpenTeamSql.For(run.Dialect), ct, ("CampaignId", plan.CampaignId), ("customerId", customerId),
                ("TeamSize", plan.TeamSize), ("now", now), ("expiresAt", now.AddMinutes(plan.WindowMinutes)));
            await AddMemberAsync(run, teamId, customerId, orderId, isLeader: true, now, ct);
            return null;
        }

        var seated = await run.ExecuteAsync(
            """
            UPDATE group_buy_teams SET members = members + 1
            WHERE id = @teamId AND state = 'open' AND members < size AND expires_at > @now
            """, ct, ("teamId", teamId), ("now", now));
        if (seated == 0)
        {
            var team = await GroupBuyChecks.TeamAsync(run.Connection, run.Transaction, teamId, ct);
            return team is not null && (team.State == TeamState.Failed || (team.State == TeamState.Open && team.ExpiresAt <= now))
                ? new OrderRefusal(GroupBuyRefusals.TeamExpired, teamId)
                : new OrderRefusal(GroupBuyRefusals.TeamFull, teamId);
        }
        try
        {
            await AddMemberAsync(run, teamId, customerId, orderId, isLeader: false, now, ct);
        }
        catch (DbException e) when (StatementRunner.IsUniqueViolation(e))
        {
            return new OrderRefusal(GroupBuyRefusals.AlreadyMember, teamId);
        }
        var filled = await run.ExecuteAsync(
            """
            UPDATE group_buy_teams SET state = 'succeeded', closed_at = @now WHERE id = @teamId AND state = 'open' AND members = size
            """, ct, ("now", now), ("teamId", teamId));
        if (filled == 1)
            await run.ExecuteAsync(
                """
                UPDATE orders SET status = 'paid'
                WHERE status = 'awaiting_group' AND id IN (SELECT order_id FROM group_buy_members WHERE team_id = @teamId)
                """, ct, ("teamId", teamId));
        return null;
    }

    private static readonly DialectSql OpenTeamSql = new(d =>
        $"""
        INSERT INTO group_buy_teams (campaign_id, leader_customer_id, state, size, members, opened_at, expires_at, closed_at)
        {DialectSql.OutputId(d)}
        VALUES (@CampaignId, @customerId, 'open', @TeamSize, 1, @now, @expiresAt, NULL)
        """);

    private static Task<int> AddMemberAsync(Statements run, long teamId, long customerId, long orderId, bool isLeader, DateTime now,
        CancellationToken ct) =>
        run.ExecuteAsync(
            """
            INSERT INTO group_buy_members (team_id, customer_id, order_id, is_leader, joined_at)
            VALUES (@teamId, @customerId, @orderId, @isLeader, @now)
            """, ct, ("teamId", teamId), ("customerId", customerId), ("orderId", orderId), ("isLeader", isLeader), ("now", now));
}
