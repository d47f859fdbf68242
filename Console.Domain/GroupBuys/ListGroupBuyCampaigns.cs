using Console.Domain.Data;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>A row of the group-buy campaigns list; prices in fen.</summary>
public sealed record GroupBuyCampaignRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string CourseExternalId { get; init; } = "";
    public string CourseTitle { get; init; } = "";
    public long TeamSize { get; init; }
    public long GroupPrice { get; init; }
    public long? LeaderPrice { get; init; }
    public long TeamWindowMinutes { get; init; }
    public long? MaxTeams { get; init; }
    public long TeamsOpened { get; init; }
    public string Status { get; init; } = "";
    public DateTime? StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
}

public sealed record GroupBuyCampaignPage(IReadOnlyList<GroupBuyCampaignRow> Rows, long Total);

/// <summary>One page of group-buy campaigns, newest first, optionally of one status.</summary>
public sealed class ListGroupBuyCampaigns(Db db)
{
    public async Task<GroupBuyCampaignPage> PageAsync(string? status, int skip, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { status, skip, take };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM group_buy_campaigns WHERE (@status IS NULL OR status = @status)
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<GroupBuyCampaignRow>(
            new CommandDefinition(PageSql.For(db.Dialect), args, cancellationToken: ct));
        return new GroupBuyCampaignPage(rows.ToList(), total);
    }

    private static readonly DialectSql PageSql = new(d =>
        $"""
        SELECT g.id, g.name, co.external_id AS CourseExternalId, co.title AS CourseTitle, g.team_size AS TeamSize,
               g.group_price AS GroupPrice, g.leader_price AS LeaderPrice, g.team_window_minutes AS TeamWindowMinutes,
               g.max_teams AS MaxTeams, g.teams_opened AS TeamsOpened, g.status, g.starts_at AS StartsAt, g.ends_at AS EndsAt
        FROM group_buy_campaigns g JOIN courses co ON co.id = g.course_id
        WHERE (@status IS NULL OR g.status = @status)
        ORDER BY g.id DESC {PageFragment.For(d)}
        """);
}
