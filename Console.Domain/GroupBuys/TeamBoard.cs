using Console.Domain.Data;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>How a campaign's teams are doing: counts by state, success rate of the closed ones, average time to fill.</summary>
public sealed record TeamBoardSummary(long Open, long Succeeded, long Failed, double? SuccessRate, TimeSpan? AverageTimeToFill);

/// <summary>A member as the board shows it: the customer's name, with the platform's id beside it.</summary>
public sealed record TeamBoardMember(string ExternalId, string? Name);

/// <summary>A team on the board with its members in join order (the leader first).</summary>
public sealed record TeamBoardRow(long TeamId, string State, long Size, long Seats, DateTime OpenedAt, DateTime ExpiresAt,
    DateTime? ClosedAt, IReadOnlyList<TeamBoardMember> Members);

public sealed record TeamBoardPage(IReadOnlyList<TeamBoardRow> Rows, long Total);

/// <summary>The team board of a group-buy campaign, paged on the server; open teams first, soonest to expire first.</summary>
public sealed class TeamBoard(Db db)
{
    private sealed record Counts
    {
        public long Open { get; init; }
        public long Succeeded { get; init; }
        public long Failed { get; init; }
        public double? FillSeconds { get; init; }
    }

    private sealed record Row
    {
        public long Id { get; init; }
        public string State { get; init; } = "";
        public long Size { get; init; }
        public long Members { get; init; }
        public DateTime OpenedAt { get; init; }
        public DateTime ExpiresAt { get; init; }
        public DateTime? ClosedAt { get; init; }
    }

    private sealed record MemberRow
    {
        public long TeamId { get; init; }
        public string CustomerExternalId { get; init; } = "";
        public string? CustomerName { get; init; }
    }

    public async Task<TeamBoardSummary> SummaryAsync(long campaignId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var c = await connection.QuerySingleAsync<Counts>(new CommandDefinition(db.IsSqlite
            ? """
              SELECT COALESCE(SUM(CASE WHEN state = 'open' THEN 1 ELSE 0 END), 0) AS Open,
                     COALESCE(SUM(CASE WHEN state = 'succeeded' THEN 1 ELSE 0 END), 0) AS Succeeded,
                     COALESCE(SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) AS Failed,
                     AVG(CASE WHEN state = 'succeeded' THEN (julianday(closed_at) - julianday(opened_at)) * 86400.0 END) AS FillSeconds
              FROM group_buy_teams WHERE campaign_id = @campaignId
              """
            : """
              SELECT COALESCE(SUM(CASE WHEN state = 'open' THEN 1 ELSE 0 END), 0) AS [Open],
                     COALESCE(SUM(CASE WHEN state = 'succeeded' THEN 1 ELSE 0 END), 0) AS Succeeded,
                     COALESCE(SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) AS Failed,
                     AVG(CASE WHEN state = 'succeeded' THEN CAST(DATEDIFF_BIG(millisecond, opened_at, closed_at) AS float) / 1000.0 END) AS FillSeconds
              FROM group_buy_teams WHERE campaign_id = @campaignId
              """, new { campaignId }, cancellationToken: ct));
        var closed = c.Succeeded + c.Failed;
        return new TeamBoardSummary(c.Open, c.Succeeded, c.Failed, closed == 0 ? null : (double)c.Succeeded / closed,
            c.FillSeconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)) : null);
    }

    public async Task<TeamBoardPage> PageAsync(long campaignId, string? state, int skip, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { campaignId, state, skip, take };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM group_buy_teams WHERE campaign_id = @campaignId AND (@state IS NULL OR state = @state)
            """, args, cancellationToken: ct));
        var teams = (await connection.QueryAsync<Row>(
            new CommandDefinition(TeamsSql.For(db.Dialect), args, cancellationToken: ct))).ToList();
        var ids = System.Text.Json.JsonSerializer.Serialize(teams.Select(t => t.Id));
        var members = (await connection.QueryAsync<MemberRow>(new CommandDefinition(db.IsSqlite
            ? """
              SELECT m.team_id AS TeamId, cu.external_id AS CustomerExternalId, cu.name AS CustomerName
              FROM group_buy_members m JOIN customers cu ON cu.id = m.customer_id
              WHERE m.team_id IN (SELECT value FROM json_each(@ids)) ORDER BY m.is_leader DESC, m.id
              """
            : """
              SELECT m.team_id AS TeamId, cu.external_id AS CustomerExternalId, cu.name AS CustomerName
              FROM group_buy_members m JOIN customers cu ON cu.id = m.customer_id
              WHERE m.team_id IN (SELECT CAST(value AS bigint) FROM OPENJSON(@ids)) ORDER BY m.is_leader DESC, m.id
              """, new { ids }, cancellationToken: ct))).ToLookup(m => m.TeamId, m => new TeamBoardMember(m.CustomerExternalId, m.CustomerName));
        var rows = teams.Select(t => new TeamBoardRow(t.Id, t.State, t.Size, t.Members, t.OpenedAt, t.ExpiresAt, t.ClosedAt,
            members[t.Id].ToList())).ToList();
        return new TeamBoardPage(rows, total);
    }

    private static readonly DialectSql TeamsSql = new(d =>
        $"""
        SELECT id, state, size, members, opened_at AS OpenedAt, expires_at AS ExpiresAt, closed_at AS ClosedAt
        FROM group_buy_teams WHERE campaign_id = @campaignId AND (@state IS NULL OR state = @state)
        ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, CASE WHEN state = 'open' THEN expires_at END, id DESC
        {PageFragment.For(d)}
        """);
}
