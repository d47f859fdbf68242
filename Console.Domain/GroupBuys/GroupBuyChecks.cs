using System.Data.Common;
using Console.Domain.Coupons;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>What an order's group buy will do: open a team (TeamId null) or join one, and at which price (fen).</summary>
public sealed record GroupBuyPlan(long CampaignId, long? TeamId, long Price, long TeamSize, long WindowMinutes);

/// <summary>The group-buy rules a quote and an order share; the order then carries the plan out in its transaction.</summary>
internal static class GroupBuyChecks
{
    private sealed record CampaignRow
    {
        public long Id { get; init; }
        public long CourseId { get; init; }
        public long TeamSize { get; init; }
        public long GroupPrice { get; init; }
        public long? LeaderPrice { get; init; }
        public long TeamWindowMinutes { get; init; }
        public DateTime? StartsAt { get; init; }
        public DateTime? EndsAt { get; init; }
        public long? MaxTeams { get; init; }
        public long TeamsOpened { get; init; }
        public string Status { get; init; } = "";
    }

    internal sealed record TeamRow
    {
        public long Id { get; init; }
        public long CampaignId { get; init; }
        public string State { get; init; } = "";
        public long Size { get; init; }
        public long Members { get; init; }
        public DateTime ExpiresAt { get; init; }
    }

    public static async Task<(GroupBuyPlan? Plan, OrderRefusal? Refusal)> CheckAsync(DbConnection connection, DbTransaction? tx,
        GroupBuyRequest request, PriceRequest price, DateTime now, CancellationToken ct)
    {
        var campaign = await connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            """
            SELECT id, course_id AS CourseId, team_size AS TeamSize, group_price AS GroupPrice, leader_price AS LeaderPrice,
                   team_window_minutes AS TeamWindowMinutes, starts_at AS StartsAt, ends_at AS EndsAt, max_teams AS MaxTeams,
                   teams_opened AS TeamsOpened, status
            FROM group_buy_campaigns WHERE id = @CampaignId
            """, new { request.CampaignId }, tx, cancellationToken: ct));
        if (campaign is null || campaign.Status != CampaignStatus.Active || campaign.StartsAt > now || campaign.EndsAt <= now)
            return Refused(GroupBuyRefusals.CampaignNotActive, request.CampaignId!);
        if (campaign.CourseId != price.Course.Id)
            return Refused(GroupBuyRefusals.CampaignNotActive, request.CampaignId!);
        var customerId = price.CustomerId;
        var openTeam = customerId is null ? null : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT MIN(t.id) FROM group_buy_teams t JOIN group_buy_members m ON m.team_id = t.id
            WHERE t.campaign_id = @CampaignId AND t.state = 'open' AND t.expires_at > @now AND m.customer_id = @customerId
            """, new { request.CampaignId, now, customerId }, tx, cancellationToken: ct));

        if (request.TeamId is not { } teamId)
        {
            if (openTeam is not null) return Refused(GroupBuyRefusals.HasOpenTeam, openTeam);
            if (campaign.TeamsOpened >= campaign.MaxTeams)
                return Refused(GroupBuyRefusals.CampaignTeamLimit, campaign.Id);
            var leaderPrice = campaign.LeaderPrice ?? campaign.GroupPrice;
            return (new GroupBuyPlan(campaign.Id, null, leaderPrice, campaign.TeamSize, campaign.TeamWindowMinutes), null);
        }

        var team = await TeamAsync(connection, tx, teamId, ct);
        if (team is null || team.CampaignId != campaign.Id)
            return Refused(GroupBuyRefusals.TeamNotFound, campaign.Id, teamId);
        if (team.State == TeamState.Failed || (team.State == TeamState.Open && team.ExpiresAt <= now))
            return Refused(GroupBuyRefusals.TeamExpired, teamId);
        if (openTeam == teamId || (customerId is not null && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                SELECT COUNT(*) FROM group_buy_members WHERE team_id = @teamId AND customer_id = @customerId
                """, new { teamId, customerId }, tx, cancellationToken: ct)) > 0))
            return Refused(GroupBuyRefusals.AlreadyMember, teamId);
        if (team.State == TeamState.Succeeded || team.Members >= team.Size) return Refused(GroupBuyRefusals.TeamFull, teamId);
        if (openTeam is not null) return Refused(GroupBuyRefusals.HasOpenTeam, openTeam);
        return (new GroupBuyPlan(campaign.Id, teamId, campaign.GroupPrice, campaign.TeamSize, campaign.TeamWindowMinutes), null);
    }

    public static Task<TeamRow?> TeamAsync(DbConnection connection, DbTransaction? tx, long teamId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<TeamRow>(new CommandDefinition(
            """
            SELECT id, campaign_id AS CampaignId, state, size, members, expires_at AS ExpiresAt FROM group_buy_teams WHERE id = @teamId
            """, new { teamId }, tx, cancellationToken: ct));

    private static (GroupBuyPlan?, OrderRefusal?) Refused(string code, params object[] args) => (null, new OrderRefusal(code, args));
}
