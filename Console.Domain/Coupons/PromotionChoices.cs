using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Coupons;

public sealed record CourseChoice
{
    public string ExternalId { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Category { get; init; }
    public long ListPrice { get; init; }
}

public sealed record LiveSessionChoice
{
    public string ExternalId { get; init; } = "";
    public string Title { get; init; } = "";
    public DateTime? ScheduledAt { get; init; }
    public DateTime? StartedAt { get; init; }
}

/// <summary>What the campaign forms offer to pick from: courses, their categories, recent and coming live sessions.</summary>
public sealed class PromotionChoices(Db db)
{
    public const int MaxCourses = 2_000;
    public const int MaxLiveSessions = 200;

    public async Task<IReadOnlyList<CourseChoice>> CoursesAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CourseChoice>(new CommandDefinition(
            """
            SELECT external_id AS ExternalId, title, category, list_price AS ListPrice FROM courses ORDER BY title, external_id
            """, cancellationToken: ct));
        return rows.Take(MaxCourses).ToList();
    }

    public async Task<IReadOnlyList<LiveSessionChoice>> LiveSessionsAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<LiveSessionChoice>(new CommandDefinition(db.IsSqlite
            ? """
              SELECT external_id AS ExternalId, title, scheduled_at AS ScheduledAt, started_at AS StartedAt
              FROM live_sessions ORDER BY COALESCE(started_at, scheduled_at, updated_at) DESC LIMIT @MaxLiveSessions
              """
            : """
              SELECT TOP (@MaxLiveSessions) external_id AS ExternalId, title, scheduled_at AS ScheduledAt, started_at AS StartedAt
              FROM live_sessions ORDER BY COALESCE(started_at, scheduled_at, updated_at) DESC
              """, new { MaxLiveSessions }, cancellationToken: ct));
        return rows.ToList();
    }
}
