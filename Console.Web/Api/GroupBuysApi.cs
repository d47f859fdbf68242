using Console.Domain.Data;
using Console.Domain.GroupBuys;

namespace Console.Web.Api;

/// <summary>Group-buy team look-ups for the storefront (API.md "Group buy").</summary>
internal static class GroupBuysApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var groupBuys = v1.MapGroup("/group-buys").RequireAuthorization(ApiKeyAuthentication.IngestPolicy).WithTags("Group buys");
        groupBuys.MapGet("/{campaignId:long}/teams", TeamsAsync).Produces<List<TeamAnswer>>()
            .Documented("ListTeams", "The teams of a group-buy campaign, newest first, optionally of one state (open, succeeded, failed).");
        groupBuys.MapGet("/teams/{teamId:long}", TeamAsync).Produces<TeamAnswer>()
            .Documented("GetTeam", "One group-buy team with its members, window and prices.");
    }

    public sealed record MemberAnswer(string CustomerExternalId, bool IsLeader, DateTimeOffset JoinedAt);

    public sealed record TeamAnswer(long TeamId, long CampaignId, string State, long Size, IReadOnlyList<MemberAnswer> Members,
        DateTimeOffset ExpiresAt, decimal Price, decimal LeaderPrice);

    public static TeamAnswer Answer(GroupBuyTeam t) => new(t.TeamId, t.CampaignId, t.State, t.Size,
        t.Members.Select(m => new MemberAnswer(m.CustomerExternalId, m.IsLeader, new DateTimeOffset(m.JoinedAt, TimeSpan.Zero))).ToList(),
        new DateTimeOffset(t.ExpiresAt, TimeSpan.Zero), Money.ToDecimal(t.Price), Money.ToDecimal(t.LeaderPrice));

    private static async Task<IResult> TeamsAsync(long campaignId, string? state, GetTeams teams, CancellationToken ct)
    {
        if (state is not null && !TeamState.All.Contains(state))
            return Problems.Validation("state", $"One of: {string.Join(", ", TeamState.All)}.");
        var list = await teams.OfCampaignAsync(campaignId, state, ct);
        return TypedResults.Ok(list.Select(Answer).ToList());
    }

    private static async Task<IResult> TeamAsync(long teamId, GetTeams teams, CancellationToken ct) =>
        await teams.FindAsync(teamId, ct) is { } team ? TypedResults.Ok(Answer(team)) : Problems.NotFound($"No group-buy team {teamId}.");
}
