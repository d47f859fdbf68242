using Console.Domain.Data;
using Dapper;

namespace Console.Domain.GroupBuys;

public sealed record EndingGroupBuy
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTime EndsAt { get; init; }
}

/// <summary>Group-buy campaigns, active or paused, whose end falls within the coming week, soonest first.</summary>
public sealed class EndingGroupBuys(Db db, TimeProvider clock)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<EndingGroupBuy>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Ahead;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<EndingGroupBuy>(new CommandDefinition(Sql, new { now, until }, cancellationToken: ct));
        return rows.ToList();
    }

    private const string Sql =
        """
        SELECT id, name, status, ends_at AS EndsAt FROM group_buy_campaigns
        WHERE status IN ('active', 'paused') AND ends_at > @now AND ends_at <= @until
        ORDER BY ends_at, id
        """;
}
