using System.Data.Common;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>Reads teams as the API shows them: members in join order, prices from the campaign.</summary>
internal static class TeamStore
{
    private sealed record Row
    {
        public long Id { get; init; }
        public long CampaignId { get; init; }
        public string State { get; init; } = "";
        public long Size { get; init; }
        public DateTime ExpiresAt { get; init; }
        public long GroupPrice { get; init; }
        public long? LeaderPrice { get; init; }
    }

    private sealed record MemberRow
    {
        public long TeamId { get; init; }
        public string CustomerExternalId { get; init; } = "";
        public bool IsLeader { get; init; }
        public DateTime JoinedAt { get; init; }
    }

    public static async Task<GroupBuyTeam?> LoadAsync(DbConnection connection, DbTransaction? tx, long teamId, CancellationToken ct) =>
        (await LoadManyAsync(connection, tx, """
            SELECT t.id, t.campaign_id AS CampaignId, t.state, t.size, t.expires_at AS ExpiresAt,
                   g.group_price AS GroupPrice, g.leader_price AS LeaderPrice
            FROM group_buy_teams t JOIN group_buy_campaigns g ON g.id = t.campaign_id
            WHERE t.id = @teamId
            """, new { teamId }, ct)).SingleOrDefault();

    /// <summary>Teams of a campaign, optionally in one state, oldest first.</summary>
    public static Task<List<GroupBuyTeam>> ListAsync(DbConnection connection, long campaignId, string? state, CancellationToken ct) =>
        LoadManyAsync(connection, null, """
            SELECT t.id, t.campaign_id AS CampaignId, t.state, t.size, t.expires_at AS ExpiresAt,
                   g.group_price AS GroupPrice, g.leader_price AS LeaderPrice
            FROM group_buy_teams t JOIN group_buy_campaigns g ON g.id = t.campaign_id
            WHERE t.campaign_id = @campaignId AND (@state IS NULL OR t.state = @state)
            ORDER BY t.id
            """, new { campaignId, state }, ct);

    private static async Task<List<GroupBuyTeam>> LoadManyAsync(DbConnection connection, DbTransaction? tx, string sql, object args,
        CancellationToken ct)
    {
        var teams = (await connection.QueryAsync<Row>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).ToList();
        var result = new List<GroupBuyTeam>(teams.Count);
        foreach (var t in teams.Take(GetTeams.MaxTeams))
        {
            var members = await connection.QueryAsync<MemberRow>(new CommandDefinition(
                """
                SELECT m.team_id AS TeamId, cu.external_id AS CustomerExternalId, m.is_leader AS IsLeader, m.joined_at AS JoinedAt
                FROM group_buy_members m JOIN customers cu ON cu.id = m.customer_id
                WHERE m.team_id = @Id ORDER BY m.id
                """, new { t.Id }, tx, cancellationToken: ct));
            result.Add(new GroupBuyTeam(t.Id, t.CampaignId, t.State, t.Size,
                members.Select(m => new TeamMember(m.CustomerExternalId, m.IsLeader, m.JoinedAt)).ToList(), t.ExpiresAt, t.GroupPrice,
                t.LeaderPrice ?? t.GroupPrice));
        }
        return result;
    }
}
