using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>Reads saved segments and their rules; a stored rule was checked when it was saved, so it reads back whole.</summary>
public static class SegmentStore
{
    private sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string RuleJson { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public long? LastSize { get; init; }
        public string? LastSizeDay { get; init; }
    }

    private const string LoadSql =
        """
        SELECT s.id, s.name, s.rule_json AS RuleJson, s.created_at AS CreatedAt, s.updated_at AS UpdatedAt,
               (SELECT z.size FROM segment_sizes z WHERE z.segment_id = s.id AND z.day = (SELECT MAX(y.day) FROM segment_sizes y WHERE y.segment_id = s.id)) AS LastSize,
               (SELECT MAX(y.day) FROM segment_sizes y WHERE y.segment_id = s.id) AS LastSizeDay
        FROM segments s
        WHERE s.id = @id AND s.archived_at IS NULL
        """;

    private const string RuleSqlText =
        """
        SELECT rule_json FROM segments WHERE id = @id AND archived_at IS NULL
        """;

    public static async Task<Segment?> LoadAsync(DbConnection connection, DbTransaction? tx, long id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(LoadSql, new { id }, tx, cancellationToken: ct));
        return row is null ? null : new Segment(row.Id, row.Name, row.RuleJson, row.CreatedAt, row.UpdatedAt, row.LastSize, Day(row.LastSizeDay));
    }

    /// <summary>The rule of a live (not archived) segment; null for an unknown or archived id.</summary>
    public static async Task<SegmentRule?> RuleAsync(DbConnection connection, DbTransaction? tx, long id, CancellationToken ct)
    {
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(RuleSqlText, new { id }, tx, cancellationToken: ct));
        return json is null ? null : Parse(json);
    }

    /// <summary>A stored rule read back; the widest money bound, since the setting may have been lowered after it was saved.</summary>
    public static SegmentRule Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new FieldErrors();
        return new RuleReader(MoneyBounds.Default).Read(document.RootElement, errors)
               ?? throw new InvalidOperationException($"A stored segment rule no longer reads: {string.Join("; ", errors.Select(e => e.Field + " " + e.Code))}");
    }

    public static DateOnly? Day(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
