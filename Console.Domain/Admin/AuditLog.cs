using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Admin;

public sealed record AuditFilter(string? Actor = null, string? Entity = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string Entity { get; init; } = "";
    public string? EntityId { get; init; }
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, int Total);

/// <summary>Reads the audit log newest first, filtered and paged in the database.</summary>
public sealed class AuditLog(Db db)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        var args = new
        {
            actor = string.IsNullOrWhiteSpace(filter.Actor) ? null : "%" + EscapeLike(filter.Actor.Trim().ToLowerInvariant()) + "%",
            entity = string.IsNullOrWhiteSpace(filter.Entity) ? null : filter.Entity.Trim(),
            fromUtc = filter.FromUtc,
            toUtc = filter.ToUtc,
            skip,
            take,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(1) FROM audit_log
            WHERE (@actor IS NULL OR LOWER(actor) LIKE @actor ESCAPE '\')
              AND (@entity IS NULL OR entity = @entity)
              AND (@fromUtc IS NULL OR at >= @fromUtc)
              AND (@toUtc IS NULL OR at < @toUtc)
            """, args, cancellationToken: ct));
        // ROW_NUMBER pages the same way in SQLite and SQL Server, so one text serves both dialects.
        var rows = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            """
            SELECT Id, At, Actor, Action, Entity, EntityId, BeforeJson, AfterJson
            FROM (
                SELECT id AS Id, at AS At, actor AS Actor, action AS Action, entity AS Entity, entity_id AS EntityId,
                       before_json AS BeforeJson, after_json AS AfterJson,
                       ROW_NUMBER() OVER (ORDER BY at DESC, id DESC) AS RowNumber
                FROM audit_log
                WHERE (@actor IS NULL OR LOWER(actor) LIKE @actor ESCAPE '\')
                  AND (@entity IS NULL OR entity = @entity)
                  AND (@fromUtc IS NULL OR at >= @fromUtc)
                  AND (@toUtc IS NULL OR at < @toUtc)
            ) AS numbered
            WHERE RowNumber > @skip AND RowNumber <= @skip + @take
            ORDER BY RowNumber
            """,
            args, cancellationToken: ct));
        return new AuditPage(rows.ToList(), total);
    }

    public async Task<IReadOnlyList<string>> EntitiesAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT entity FROM audit_log ORDER BY entity", cancellationToken: ct));
        return rows.ToList();
    }

    // A filter for "100%" should find that text, not every row.
    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
