using Console.Domain.Data;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>The course a group-buy campaign sells, as the console names it: its title, with the platform's id beside it.</summary>
public sealed record GroupBuyCourseName(long Id, string ExternalId, string Title);

/// <summary>Finds the course of a group-buy campaign for its results page.</summary>
public sealed class GroupBuyCourse(Db db)
{
    private const string Sql = """
        SELECT co.id, co.external_id AS ExternalId, co.title
        FROM group_buy_campaigns g JOIN courses co ON co.id = g.course_id
        WHERE g.id = @campaignId
        """;

    public async Task<GroupBuyCourseName?> FindAsync(long campaignId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<GroupBuyCourseName>(new CommandDefinition(Sql, new { campaignId }, cancellationToken: ct));
    }
}
