using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Console.Domain.Data;
using Console.Domain.Events;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Experiments;

internal sealed record VariantSpec(string Key, int Weight, long? CouponCampaignId, long? GroupBuyCampaignId, string? Payload);

/// <summary>A checked experiment: course ids resolved, times UTC, guardrails as one comma-separated word list.</summary>
internal sealed record ExperimentSpec(string Key, string Name, string? Hypothesis, IReadOnlyList<VariantSpec> Variants, double Coverage,
    string Audience, string MetricKind, IReadOnlyList<long> CourseIds, string? EventType, string Guardrails, DateTime? StartsAt,
    DateTime? EndsAt, string Status, long? SegmentId = null);

/// <summary>The same checks for the API and the console's editor; errors are field codes with their arguments.</summary>
internal static partial class ExperimentRules
{
    public const int MaxVariants = 10;
    public const int MaxPayloadLength = 4000;

    public static async Task<ExperimentSpec?> CheckAsync(DbConnection connection, DbTransaction? tx, ExperimentInput input,
        OrderFields fields, CancellationToken ct)
    {
        var key = fields.Required("key", input.Key, 50);
        if (key.Length > 0 && !KeyPattern().IsMatch(key)) fields.Add("key", FieldCodes.KeyShape);
        var name = fields.Required("name", input.Name, 200);
        var hypothesis = fields.Optional("hypothesis", input.Hypothesis, 2000);
        var coverage = 1.0;
        if (input.Coverage is { } c)
        {
            if (c is < 0 or > 1) fields.Add("coverage", FieldCodes.Between, 0, 1);
            else coverage = (double)c;
        }
        var audience = fields.OneOf("audience", input.Audience, ExperimentAudiences.Everyone, ExperimentAudiences.WithSegment);
        long? segmentId = null;
        if (audience == ExperimentAudiences.Segment)
        {
            segmentId = input.AudienceSegmentId;
            if (segmentId is null) fields.Add("audienceSegmentId", FieldCodes.Required);
            else if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                         """
                         SELECT COUNT(*) FROM segments WHERE id = @segmentId AND archived_at IS NULL
                         """, new { segmentId }, tx, cancellationToken: ct)) == 0)
                fields.Add("audienceSegmentId", FieldCodes.UnknownSegment, segmentId);
            // The audience column keeps the store's own word; the segment row beside it narrows everyone to the segment.
            audience = ExperimentAudiences.Everyone;
        }
        var status = fields.OneOf("status", input.Status, ExperimentStatus.Draft, ExperimentStatus.All);
        var startsAt = fields.Time("startsAt", input.StartsAt);
        var endsAt = fields.Time("endsAt", input.EndsAt);
        if (startsAt is not null && endsAt is not null && endsAt <= startsAt) fields.Add("endsAt", FieldCodes.EndsBeforeStart);

        var guardrails = new List<string>();
        foreach (var g in input.Guardrails ?? [])
        {
            var word = fields.OneOf("guardrails", g, "", Guardrails.All);
            if (word.Length > 0 && !guardrails.Contains(word)) guardrails.Add(word);
        }

        var variants = await VariantsAsync(connection, tx, input.Variants, fields, ct);

        string metricKind = "";
        string? eventType = null;
        var courseIds = new List<long>();
        if (input.Metric is not { } metric) fields.Add("metric", FieldCodes.Required);
        else
        {
            metricKind = fields.OneOf("metric.kind", metric.Kind, "", MetricKinds.All);
            if (metricKind.Length == 0) fields.Add("metric.kind", FieldCodes.Required);
            if (metricKind == MetricKinds.Event)
            {
                eventType = fields.OneOf("metric.eventType", metric.EventType, "", [.. IngestEvents.Types.Order(StringComparer.Ordinal)]);
                if (eventType.Length == 0) fields.Add("metric.eventType", FieldCodes.Required);
            }
            var unknown = new List<string>();
            foreach (var externalId in (metric.CourseExternalIds ?? []).Select(e => e?.Trim()).Distinct())
            {
                if (string.IsNullOrEmpty(externalId) || externalId.Length > OrderFields.MaxIdLength)
                {
                    fields.Add("metric.courseExternalIds", FieldCodes.ItemLength, OrderFields.MaxIdLength);
                    continue;
                }
                if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                        """
                        SELECT id FROM courses WHERE external_id = @externalId
                        """, new { externalId }, tx, cancellationToken: ct)) is { } id) courseIds.Add(id);
                else unknown.Add(externalId);
            }
            if (unknown.Count > 0) fields.Add("metric.courseExternalIds", FieldCodes.UnknownCourses, string.Join(", ", unknown.Take(20)));
        }

        if (!fields.Valid) return null;
        return new ExperimentSpec(key, name, hypothesis, variants, coverage, audience, metricKind, courseIds, eventType,
            string.Join(',', guardrails), startsAt, endsAt, status, segmentId);
    }

    private static async Task<List<VariantSpec>> VariantsAsync(DbConnection connection, DbTransaction? tx,
        IReadOnlyList<VariantInput?>? inputs, OrderFields fields, CancellationToken ct)
    {
        var variants = new List<VariantSpec>();
        if (inputs is null || inputs.Count == 0) { fields.Add("variants", FieldCodes.Required); return variants; }
        if (inputs.Count < 2) fields.Add("variants", FieldCodes.AtLeastItems, 2);
        if (inputs.Count > MaxVariants) { fields.Add("variants", FieldCodes.TooManyItems, MaxVariants); return variants; }
        for (var i = 0; i < inputs.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"variants[{i}]");
            if (inputs[i] is not { } v) { fields.Add(at, FieldCodes.Required); continue; }
            var key = fields.Required(at + ".key", v.Key, 50);
            if (key.Length > 0 && !KeyPattern().IsMatch(key)) fields.Add(at + ".key", FieldCodes.KeyShape);
            else if (variants.Exists(x => x.Key == key)) fields.Add(at + ".key", FieldCodes.KeyTaken, key);
            if (v.Weight is null) fields.Add(at + ".weight", FieldCodes.Required);
            else if (v.Weight is < 1 or > 100) fields.Add(at + ".weight", FieldCodes.Between, 1, 100);
            if (v.CouponCampaignId is not null && v.GroupBuyCampaignId is not null)
                fields.Add(at + ".groupBuyCampaignId", FieldCodes.CouponOrGroupBuy);
            if (v.CouponCampaignId is { } coupon && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    SELECT COUNT(*) FROM coupon_campaigns WHERE id = @coupon
                    """, new { coupon }, tx, cancellationToken: ct)) == 0)
                fields.Add(at + ".couponCampaignId", FieldCodes.UnknownCampaign, coupon);
            if (v.GroupBuyCampaignId is { } groupBuy && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    SELECT COUNT(*) FROM group_buy_campaigns WHERE id = @groupBuy
                    """, new { groupBuy }, tx, cancellationToken: ct)) == 0)
                fields.Add(at + ".groupBuyCampaignId", FieldCodes.UnknownCampaign, groupBuy);
            var payload = v.Payload is { ValueKind: not System.Text.Json.JsonValueKind.Null } p ? p.GetRawText() : null;
            if (payload?.Length > MaxPayloadLength) fields.Add(at + ".payload", FieldCodes.TooLong, MaxPayloadLength);
            variants.Add(new VariantSpec(key, v.Weight ?? 0, v.CouponCampaignId, v.GroupBuyCampaignId, payload));
        }
        var sum = inputs.Sum(v => (long)(v?.Weight ?? 0));
        if (inputs.All(v => v?.Weight is not null) && sum != 100) fields.Add("variants", FieldCodes.WeightsSum, sum);
        return variants;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$")]
    private static partial Regex KeyPattern();
}
