using System.Data.Common;
using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>
/// Carries out an order's group-buy plan inside the order's transaction: opens a team with the customer as leader, or
/// takes a seat in one. Seats are taken by a conditional update, so a team never gets more members than its size; the
/// join that fills it marks it succeeded and moves all its orders from awaiting_group to paid.
/// </summary>
internal static class JoinTeam
{
    public static async Task<OrderRefusal?> ExecuteAsync(DbConnection connection, DbTransaction tx, Db db, GroupBuyPlan plan,
        long orderId, long customerId, DateTime now, CancellationToken ct)
    {
        if (plan.TeamId is not { } teamId)
        {
            var opened = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE group_buy_campaigns SET teams_opened = teams_opened + 1
                WHERE id = @CampaignId AND status = 'active' AND (max_teams IS NULL OR teams_opened < max_teams)
                """, new { plan.CampaignId }, tx, cancellationToken: ct));
            if (opened == 0) return new OrderRefusal(GroupBuyRefusals.CampaignTeamLimit, plan.CampaignId);
            var team = new { plan.CampaignId, customerId, plan.TeamSize, now, expiresAt = now.AddMinutes(plan.WindowMinutes) };
            teamId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.IsSqlite
                ? """
                  INSERT INTO group_buy_teams (campaign_id, leader_customer_id, state, size, members, opened_at, expires_at, closed_at)
                  VALUES (@CampaignId, @customerId, 'open', @TeamSize, 1, @now, @expiresAt, NULL);
                  SELECT last_insert_rowid();
                  """
                : """
                  INSERT INTO group_buy_teams (campaign_id, leader_customer_id, state, size, members, opened_at, expires_at, closed_at)
                  OUTPUT INSERTED.id
                  VALUES (@CampaignId, @customerId, 'open', @TeamSize, 1, @now, @expiresAt, NULL);
                  """, team, tx, cancellationToken: ct));
            await AddMemberAsync(connection, tx, teamId, customerId, orderId, isLeader: true, now, ct);
            return null;
        }

        var seated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE group_buy_teams SET members = members + 1
            WHERE id = @teamId AND state = 'open' AND members < size AND expires_at > @now
            """, new { teamId, now }, tx, cancellationToken: ct));
        if (seated == 0)
        {
            var team = await GroupBuyChecks.TeamAsync(connection, tx, teamId, ct);
            return team is not null && (team.State == TeamState.Failed || (team.State == TeamState.Open && team.ExpiresAt <= now))
                ? new OrderRefusal(GroupBuyRefusals.TeamExpired, teamId)
                : new OrderRefusal(GroupBuyRefusals.TeamFull, teamId);
        }
        try
        {
            await AddMemberAsync(connection, tx, teamId, customerId, orderId, isLeader: false, now, ct);
        }
        catch (DbException e) when (OrderStore.IsUniqueViolation(e))
        {
            return new OrderRefusal(GroupBuyRefusals.AlreadyMember, teamId);
        }
        var filled = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE group_buy_teams SET state = 'succeeded', closed_at = @now WHERE id = @teamId AND state = 'open' AND members = size
            """, new { teamId, now }, tx, cancellationToken: ct));
        if (filled == 1)
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE orders SET status = 'paid'
                WHERE status = 'awaiting_group' AND id IN (SELECT order_id FROM group_buy_members WHERE team_id = @teamId)
                """, new { teamId }, tx, cancellationToken: ct));
        return null;
    }

    private static Task AddMemberAsync(DbConnection connection, DbTransaction tx, long teamId, long customerId, long orderId, bool isLeader,
        DateTime now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO group_buy_members (team_id, customer_id, order_id, is_leader, joined_at)
            VALUES (@teamId, @customerId, @orderId, @isLeader, @now)
            """, new { teamId, customerId, orderId, isLeader, now }, tx, cancellationToken: ct));
}
