using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Experiments;

/// <summary>The campaigns an editor's variant may hand out, and the courses a metric may count.</summary>
public sealed class ExperimentChoices(Db db)
{
    public sealed record Campaign
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
    }

    public sealed record Course
    {
        public string ExternalId { get; init; } = "";
        public string Title { get; init; } = "";
    }

    public sealed record All(IReadOnlyList<Campaign> Coupons, IReadOnlyList<Campaign> GroupBuys, IReadOnlyList<Course> Courses);

    public async Task<All> LoadAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var coupons = await connection.QueryAsync<Campaign>(new CommandDefinition(
            """
            SELECT id, name, status FROM coupon_campaigns WHERE status <> 'ended' ORDER BY id DESC
            """, cancellationToken: ct));
        var groupBuys = await connection.QueryAsync<Campaign>(new CommandDefinition(
            """
            SELECT id, name, status FROM group_buy_campaigns WHERE status <> 'ended' ORDER BY id DESC
            """, cancellationToken: ct));
        var courses = await connection.QueryAsync<Course>(new CommandDefinition(
            """
            SELECT external_id AS ExternalId, title FROM courses ORDER BY title
            """, cancellationToken: ct));
        return new All(coupons.ToList(), groupBuys.ToList(), courses.ToList());
    }
}
