using Console.Domain.Data;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>An open team that expires soon: how many it still needs and when its window closes (UTC).</summary>
public sealed record ExpiringTeam
{
    public long TeamId { get; init; }
    public long CampaignId { get; init; }
    public string CampaignName { get; init; } = "";
    public long Members { get; init; }
    public long Size { get; init; }
    public DateTime ExpiresAt { get; init; }
}

/// <summary>Open group-buy teams whose window closes within the next hours, soonest first: the ones a nudge can still fill.</summary>
public sealed class ExpiringTeams(Db db, TimeProvider clock)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(6);

    public async Task<IReadOnlyList<ExpiringTeam>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Ahead;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ExpiringTeam>(new CommandDefinition(Sql, new { now, until }, cancellationToken: ct));
        return rows.ToList();
    }

    private const string Sql =
        """
        SELECT t.id AS TeamId, t.campaign_id AS CampaignId, c.name AS CampaignName, t.members, t.size, t.expires_at AS ExpiresAt
        FROM group_buy_teams t JOIN group_buy_campaigns c ON c.id = t.campaign_id
        WHERE t.state = 'open' AND t.expires_at > @now AND t.expires_at <= @until
        ORDER BY t.expires_at, t.id
        """;
}
