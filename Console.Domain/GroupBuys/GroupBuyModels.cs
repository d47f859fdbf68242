namespace Console.Domain.GroupBuys;

public static class TeamState
{
    public const string Open = "open";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public static readonly string[] All = [Open, Succeeded, Failed];
}

/// <summary>The group-buy refusal codes of API.md; team_not_found is ours, for a team id that is not of the campaign.</summary>
public static class GroupBuyRefusals
{
    public const string TeamFull = "team_full";
    public const string TeamExpired = "team_expired";
    public const string AlreadyMember = "already_member";
    public const string HasOpenTeam = "has_open_team";
    public const string CampaignNotActive = "campaign_not_active";
    public const string CampaignTeamLimit = "campaign_team_limit";
    public const string TeamNotFound = "team_not_found";
    public static readonly string[] All = [TeamFull, TeamExpired, AlreadyMember, HasOpenTeam, CampaignNotActive, CampaignTeamLimit, TeamNotFound];
}

/// <summary>A group-buy campaign; money in fen, times UTC; TeamCounts by state.</summary>
public sealed record GroupBuyCampaign(long Id, string Name, string CourseExternalId, long TeamSize, long GroupPrice, long? LeaderPrice,
    long TeamWindowMinutes, DateTime? StartsAt, DateTime? EndsAt, long? MaxTeams, long TeamsOpened, string Status,
    IReadOnlyDictionary<string, long> TeamCounts, DateTime CreatedAt);

public sealed record TeamMember(string CustomerExternalId, bool IsLeader, DateTime JoinedAt);

/// <summary>A team as the API shows it. Price is the group price, LeaderPrice what the leader pays; both fen.</summary>
public sealed record GroupBuyTeam(long TeamId, long CampaignId, string State, long Size, IReadOnlyList<TeamMember> Members,
    DateTime ExpiresAt, long Price, long LeaderPrice);
