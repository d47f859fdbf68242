using Console.Domain.Data;

namespace Console.Domain.GroupBuys;

/// <summary>Team look-ups for the storefront: the open teams of a campaign to join, or one team by id.</summary>
public sealed class GetTeams(Db db)
{
    public const int MaxTeams = 500;

    public async Task<IReadOnlyList<GroupBuyTeam>> OfCampaignAsync(long campaignId, string? state, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var teams = await TeamStore.ListAsync(connection, campaignId, state, ct);
        return teams;
    }

    public async Task<GroupBuyTeam?> FindAsync(long teamId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await TeamStore.LoadAsync(connection, null, teamId, ct);
    }
}
