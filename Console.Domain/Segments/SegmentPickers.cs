using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>A value a builder can pick for a reference field, with the words it shows.</summary>
public sealed record Pick(string Value, string Label);

/// <summary>What the builder's pickers offer for each kind of reference: courses, categories, recent live sessions, KOLs, campaigns, variants.</summary>
public sealed class SegmentPickers(StatementRunner runner)
{
    public const int MaxSessions = 200;

    private sealed record Row(string Value, string? Label);

    private static readonly DialectSql SessionsSql = new(d => $"""
        SELECT external_id AS Value, title AS Label FROM live_sessions ORDER BY id DESC {PageFragment.For(d, "0", "200")}
        """);

    private const string CoursesSql = "SELECT external_id AS Value, title AS Label FROM courses ORDER BY title, id";
    private const string CategoriesSql = "SELECT DISTINCT category AS Value, category AS Label FROM courses WHERE category IS NOT NULL ORDER BY category";
    private const string KolsSql = "SELECT external_id AS Value, name AS Label FROM kols ORDER BY name, id";
    private const string CampaignsSql = "SELECT id, name FROM coupon_campaigns ORDER BY id DESC";
    private const string VariantsSql =
        """
        SELECT t.experiment_key AS Experiment, v.variant_key AS Variant, t.name AS Name
        FROM experiments t JOIN experiment_variants v ON v.experiment_id = t.id
        ORDER BY t.id DESC, v.position
        """;

    public async Task<IReadOnlyDictionary<RefKind, IReadOnlyList<Pick>>> AllAsync(CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        var c = read.Connection;
        async Task<IReadOnlyList<Pick>> Rows(string sql) =>
            (await c.QueryAsync<Row>(new CommandDefinition(sql, cancellationToken: ct))).Select(r => new Pick(r.Value, r.Label ?? r.Value)).ToList();
        var campaigns = await c.QueryAsync<(long Id, string Name)>(new CommandDefinition(CampaignsSql, cancellationToken: ct));
        var variants = await c.QueryAsync<(string Experiment, string Variant, string Name)>(new CommandDefinition(VariantsSql, cancellationToken: ct));
        return new Dictionary<RefKind, IReadOnlyList<Pick>>
        {
            [RefKind.Course] = await Rows(CoursesSql),
            [RefKind.Category] = await Rows(CategoriesSql),
            [RefKind.LiveSession] = await Rows(SessionsSql.For(read.Dialect)),
            [RefKind.Kol] = await Rows(KolsSql),
            [RefKind.CouponCampaign] = campaigns.Select(k => new Pick(k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{k.Name} (#{k.Id})")).ToList(),
            [RefKind.ExperimentVariant] = variants.Select(v => new Pick($"{v.Experiment}:{v.Variant}", $"{v.Name} · {v.Variant}")).ToList(),
        };
    }
}
