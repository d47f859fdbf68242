using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Experiments;

/// <summary>Reads an experiment with its variants and metric courses, and writes the rows a create and an update share.</summary>
internal static class ExperimentStore
{
    private sealed record Row
    {
        public long Id { get; init; }
        public string Key { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Hypothesis { get; init; }
        public double Coverage { get; init; }
        public string Audience { get; init; } = "";
        public string MetricKind { get; init; } = "";
        public string? MetricEventType { get; init; }
        public string Guardrails { get; init; } = "";
        public DateTime? StartsAt { get; init; }
        public DateTime? EndsAt { get; init; }
        public string Status { get; init; } = "";
        public DateTime? StartedAt { get; init; }
        public DateTime? StoppedAt { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }

    private sealed record VariantRow
    {
        public long Id { get; init; }
        public long Position { get; init; }
        public string Key { get; init; } = "";
        public long Weight { get; init; }
        public long? CouponCampaignId { get; init; }
        public long? GroupBuyCampaignId { get; init; }
        public string? Payload { get; init; }
    }

    private const string ByKeySql =
        """
        SELECT id, experiment_key AS "Key", name, hypothesis, coverage, audience, metric_kind AS MetricKind,
               metric_event_type AS MetricEventType, guardrails, starts_at AS StartsAt, ends_at AS EndsAt, status,
               started_at AS StartedAt, stopped_at AS StoppedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM experiments WHERE experiment_key = @key
        """;

    private const string VariantsSql =
        """
        SELECT id, position, variant_key AS "Key", weight, coupon_campaign_id AS CouponCampaignId,
               group_buy_campaign_id AS GroupBuyCampaignId, payload
        FROM experiment_variants WHERE experiment_id = @id ORDER BY position
        """;

    private const string CoursesSql =
        """
        SELECT c.external_id FROM experiment_metric_courses m JOIN courses c ON c.id = m.course_id
        WHERE m.experiment_id = @id ORDER BY c.external_id
        """;

    public static async Task<Experiment?> LoadAsync(DbConnection connection, DbTransaction? tx, string key, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(ByKeySql, new { key }, tx, cancellationToken: ct));
        if (row is null) return null;
        var variants = await connection.QueryAsync<VariantRow>(new CommandDefinition(VariantsSql, new { id = row.Id }, tx, cancellationToken: ct));
        var courses = await connection.QueryAsync<string>(new CommandDefinition(CoursesSql, new { id = row.Id }, tx, cancellationToken: ct));
        return new Experiment(row.Id, row.Key, row.Name, row.Hypothesis, row.Coverage, row.Audience, row.MetricKind, courses.ToList(),
            row.MetricEventType, row.Guardrails.Split(',', StringSplitOptions.RemoveEmptyEntries), row.StartsAt, row.EndsAt, row.Status,
            row.StartedAt, row.StoppedAt,
            variants.Select(v => new ExperimentVariant(v.Id, (int)v.Position, v.Key, (int)v.Weight, v.CouponCampaignId, v.GroupBuyCampaignId, v.Payload))
                .ToList(), row.CreatedAt, row.UpdatedAt)
        {
            AudienceSegmentId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                SELECT segment_id FROM experiment_segments WHERE experiment_id = @id
                """, new { id = row.Id }, tx, cancellationToken: ct)),
        };
    }

    private static readonly DialectSql InsertVariantSql = new(d =>
        $"""
        INSERT INTO experiment_variants (experiment_id, position, variant_key, weight, coupon_campaign_id, group_buy_campaign_id, payload)
        {DialectSql.OutputId(d)}
        VALUES (@id, @position, @key, @weight, @coupon, @groupBuy, @payload)
        """);

    /// <summary>Replaces the variants (only ever before the experiment runs) and the metric's courses.</summary>
    public static async Task WriteLinksAsync(Statements run, long id, ExperimentSpec spec, bool variants, CancellationToken ct)
    {
        if (variants)
        {
            await run.ExecuteAsync(
                """
                DELETE FROM experiment_variants WHERE experiment_id = @id
                """, ct, ("id", id));
            for (var i = 0; i < spec.Variants.Count; i++)
            {
                var v = spec.Variants[i];
                await run.InsertAsync(InsertVariantSql.For(run.Dialect), ct, ("id", id), ("position", i), ("key", v.Key), ("weight", v.Weight),
                    ("coupon", v.CouponCampaignId), ("groupBuy", v.GroupBuyCampaignId), ("payload", v.Payload));
            }
        }
        await run.ExecuteAsync(
            """
            DELETE FROM experiment_metric_courses WHERE experiment_id = @id
            """, ct, ("id", id));
        await run.ExecuteAsync(
            """
            DELETE FROM experiment_segments WHERE experiment_id = @id
            """, ct, ("id", id));
        if (spec.SegmentId is { } segmentId)
            await run.ExecuteAsync(
                """
                INSERT INTO experiment_segments (experiment_id, segment_id) VALUES (@id, @segmentId)
                """, ct, ("id", id), ("segmentId", segmentId));
        foreach (var course in spec.CourseIds)
            await run.ExecuteAsync(
                """
                INSERT INTO experiment_metric_courses (experiment_id, course_id) VALUES (@id, @course)
                """, ct, ("id", id), ("course", course));
    }
}
