using System.Data.Common;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>
/// The checks of a rule that need the store: referenced courses, categories, live sessions, KOLs, coupon campaigns and
/// experiment variants must exist, and a field whose source is missing (propensity with no active model) says so.
/// </summary>
public static class RuleReferences
{
    private static readonly DialectSql Courses = new(d => $"""
        SELECT external_id FROM courses WHERE external_id IN (SELECT value FROM {DialectSql.JsonValues(d)})
        """);

    private static readonly DialectSql Categories = new(d => $"""
        SELECT DISTINCT category FROM courses WHERE category IN (SELECT value FROM {DialectSql.JsonValues(d)})
        """);

    private static readonly DialectSql Sessions = new(d => $"""
        SELECT external_id FROM live_sessions WHERE external_id IN (SELECT value FROM {DialectSql.JsonValues(d)})
        """);

    private static readonly DialectSql Kols = new(d => $"""
        SELECT external_id FROM kols WHERE external_id IN (SELECT value FROM {DialectSql.JsonValues(d)})
        """);

    private static readonly DialectSql Campaigns = new(d => $"""
        SELECT id FROM coupon_campaigns WHERE id IN (SELECT CAST(value AS bigint) FROM {DialectSql.JsonValues(d)})
        """);

    private static readonly DialectSql Variants = new(d => $"""
        SELECT t.experiment_key AS Experiment, v.variant_key AS Variant
        FROM experiments t JOIN experiment_variants v ON v.experiment_id = t.id
        WHERE t.experiment_key IN (SELECT value FROM {DialectSql.JsonValues(d)})
        """);

    private const string ActivePropensitySql =
        """
        SELECT COUNT(*) FROM model_versions WHERE kind = 'propensity' AND status = 'active'
        """;

    public static async Task CheckAsync(DbConnection connection, DbTransaction? tx, Dialect dialect, SegmentRule rule, FieldErrors errors,
        CancellationToken ct)
    {
        foreach (var c in rule.Conditions())
        {
            if (c.Field.Code == SegmentFields.Propensity && !await PropensityAvailableAsync(connection, tx, ct))
            {
                errors.Add($"{c.Path}.field", FieldCodes.FieldNotAvailable, c.Field.Code);
                continue;
            }
            if (c.Value.Texts.Count == 0 || c.Field.Kind != ValueKind.Refs) continue;
            var known = await KnownAsync(connection, tx, dialect, c, ct);
            var unknown = c.Value.Texts.Where(t => !known.Contains(t)).ToList();
            if (unknown.Count > 0) errors.Add($"{c.Path}.value", FieldCodes.UnknownReferences, string.Join(", ", unknown.Take(20)));
        }
    }

    /// <summary>Propensity scores come from the active propensity model; without one the field has no source.</summary>
    public static async Task<bool> PropensityAvailableAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(ActivePropensitySql, transaction: tx, cancellationToken: ct)) > 0;

    private static async Task<HashSet<string>> KnownAsync(DbConnection connection, DbTransaction? tx, Dialect dialect, RuleCondition c,
        CancellationToken ct)
    {
        if (c.Field.Refs == RefKind.ExperimentVariant)
        {
            var refs = c.Value.Texts.Select(t => VariantRef.TryParse(t, out var r) ? r : default).ToList();
            var keys = JsonSerializer.Serialize(refs.Select(r => r.Experiment).Distinct().ToArray());
            var rows = await connection.QueryAsync<(string Experiment, string Variant)>(new CommandDefinition(Variants.For(dialect),
                new { ids = keys }, tx, cancellationToken: ct));
            return rows.Select(r => $"{r.Experiment}:{r.Variant}").ToHashSet(StringComparer.Ordinal);
        }
        var ids = JsonSerializer.Serialize(c.Value.Texts);
        if (c.Field.Refs == RefKind.CouponCampaign)
        {
            var campaigns = await connection.QueryAsync<long>(new CommandDefinition(Campaigns.For(dialect), new { ids }, tx, cancellationToken: ct));
            return campaigns.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        }
        var sql = c.Field.Refs switch
        {
            RefKind.Course => Courses,
            RefKind.Category => Categories,
            RefKind.LiveSession => Sessions,
            RefKind.Kol => Kols,
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Field.Refs, "Not a reference field."),
        };
        var found = await connection.QueryAsync<string>(new CommandDefinition(sql.For(dialect), new { ids }, tx, cancellationToken: ct));
        return found.ToHashSet(StringComparer.Ordinal);
    }
}
