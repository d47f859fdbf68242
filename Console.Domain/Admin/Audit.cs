using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Console.Domain.Admin;

/// <summary>Every change is written in the same transaction as the change itself, so the log cannot miss one.</summary>
public static class Audit
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(DbConnection connection, DbTransaction tx, string actor, string action, string entity,
        string? entityId, object? before, object? after, DateTime atUtc) =>
        connection.ExecuteAsync(
            """
            INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
            VALUES (@atUtc, @actor, @action, @entity, @entityId, @before, @after)
            """,
            new
            {
                atUtc, actor, action, entity, entityId,
                before = before is null ? null : JsonSerializer.Serialize(before, Json),
                after = after is null ? null : JsonSerializer.Serialize(after, Json),
            }, tx);
}
