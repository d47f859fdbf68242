using Console.Domain.Data;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>One group-buy campaign with how many of its teams are open, succeeded and failed; null when unknown.</summary>
public sealed class GetGroupBuyCampaign(Db db)
{
    private sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string CourseExternalId { get; init; } = "";
        public long TeamSize { get; init; }
        public long GroupPrice { get; init; }
        public long? LeaderPrice { get; init; }
        public long TeamWindowMinutes { get; init; }
        public DateTime? StartsAt { get; init; }
        public DateTime? EndsAt { get; init; }
        public long? MaxTeams { get; init; }
        public long TeamsOpened { get; init; }
        public string Status { get; init; } = "";
        public DateTime CreatedAt { get; init; }
    }

    private sealed record StateCount
    {
        public string State { get; init; } = "";
        public long Teams { get; init; }
    }

    public async Task<GroupBuyCampaign?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT g.id, g.name, co.external_id AS CourseExternalId, g.team_size AS TeamSize, g.group_price AS GroupPrice,
                   g.leader_price AS LeaderPrice, g.team_window_minutes AS TeamWindowMinutes, g.starts_at AS StartsAt,
                   g.ends_at AS EndsAt, g.max_teams AS MaxTeams, g.teams_opened AS TeamsOpened, g.status, g.created_at AS CreatedAt
            FROM group_buy_campaigns g JOIN courses co ON co.id = g.course_id
            WHERE g.id = @id
            """, new { id }, cancellationToken: ct));
        if (row is null) return null;
        var counts = TeamState.All.ToDictionary(s => s, _ => 0L);
        foreach (var c in await connection.QueryAsync<StateCount>(new CommandDefinition(
                     """
                     SELECT state, COUNT(*) AS Teams FROM group_buy_teams WHERE campaign_id = @id GROUP BY state
                     """, new { id }, cancellationToken: ct)))
            counts[c.State] = c.Teams;
        return new GroupBuyCampaign(row.Id, row.Name, row.CourseExternalId, row.TeamSize, row.GroupPrice, row.LeaderPrice,
            row.TeamWindowMinutes, row.StartsAt, row.EndsAt, row.MaxTeams, row.TeamsOpened, row.Status, counts, row.CreatedAt);
    }
}
