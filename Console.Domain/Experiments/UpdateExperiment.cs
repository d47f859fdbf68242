using System.Globalization;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Experiments;

/// <summary>
/// Changes an experiment: any field while it is a draft; once it runs, its variants and weights are frozen (a change is
/// refused with experiment_running) so that no customer's assignment moves. Status goes draft → running → stopped.
/// A patch keeps every field it leaves null; a replacement (the console's editor) clears them.
/// </summary>
public sealed class UpdateExperiment(StatementRunner runner, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Updated(Experiment Experiment) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Refused(string Code) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public Task<Outcome> ExecuteAsync(string key, ExperimentInput patch, string actor, CancellationToken ct = default, bool replace = false) =>
        runner.WriteAsync(new WriteUnit<Outcome>((run, token) => UpdateAsync(run, key, patch, actor, replace, token),
            outcome => outcome is Outcome.Updated, _ => null, UndoFree: false), ct);

    private async Task<Outcome> UpdateAsync(Statements run, string key, ExperimentInput patch, string actor, bool replace, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = await ExperimentStore.LoadAsync(run.Connection, run.Transaction, key, ct);
        if (before is null) return new Outcome.NotFound();
        var frozen = before.Status != ExperimentStatus.Draft;
        if (frozen && patch.Variants is not null && !SameVariants(before, patch.Variants)) return new Outcome.Refused(ExperimentRefusals.Running);

        var fields = new OrderFields();
        if (patch.Key is { } k && k.Trim() != before.Key) fields.Add("key", FieldCodes.KeyFixed);
        var current = Input(before);
        var merged = replace ? patch with { Key = before.Key, Variants = frozen ? current.Variants : patch.Variants } : Merge(current, patch);
        var spec = await ExperimentRules.CheckAsync(run.Connection, run.Transaction, merged, fields, ct);
        if (spec is not null && !Allowed(before.Status, spec.Status)) fields.Add("status", FieldCodes.StatusChange, before.Status, spec.Status);
        if (spec is null || !fields.Valid) return new Outcome.Invalid(fields.Errors);

        DateTime? startedAt = before.StartedAt ?? (spec.Status == ExperimentStatus.Running ? now : null);
        DateTime? stoppedAt = before.StoppedAt ?? (spec.Status == ExperimentStatus.Stopped ? now : null);
        await run.ExecuteAsync(
            """
            UPDATE experiments
            SET name = @name, hypothesis = @hypothesis, coverage = @coverage, audience = @audience, metric_kind = @metricKind,
                metric_event_type = @eventType, guardrails = @guardrails, starts_at = @startsAt, ends_at = @endsAt, status = @status,
                started_at = @startedAt, stopped_at = @stoppedAt, updated_at = @now, revision = revision + 1
            WHERE id = @id
            """, ct, ("name", spec.Name), ("hypothesis", spec.Hypothesis), ("coverage", spec.Coverage), ("audience", spec.Audience),
            ("metricKind", spec.MetricKind), ("eventType", spec.EventType), ("guardrails", spec.Guardrails), ("startsAt", spec.StartsAt),
            ("endsAt", spec.EndsAt), ("status", spec.Status), ("startedAt", startedAt), ("stoppedAt", stoppedAt), ("now", now),
            ("id", before.Id));
        await ExperimentStore.WriteLinksAsync(run, before.Id, spec, variants: !frozen, ct);
        var after = await ExperimentStore.LoadAsync(run.Connection, run.Transaction, key, ct)
            ?? throw new InvalidOperationException($"Experiment {key} vanished inside its own update.");
        await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "experiment.update", "experiment", key, before, after, now);
        return new Outcome.Updated(after);
    }

    private static bool Allowed(string from, string to) => from == to || (from, to) switch
    {
        (ExperimentStatus.Draft, _) => true,
        (ExperimentStatus.Running, ExperimentStatus.Stopped) => true,
        _ => false,
    };

    /// <summary>A running experiment's variants sent back unchanged (as the editor does) are no change.</summary>
    private static bool SameVariants(Experiment before, IReadOnlyList<VariantInput?> variants) =>
        variants.Count == before.Variants.Count && variants.Zip(before.Variants).All(p => p.First is { } v && v.Key?.Trim() == p.Second.Key
            && v.Weight == p.Second.Weight && v.CouponCampaignId == p.Second.CouponCampaignId
            && v.GroupBuyCampaignId == p.Second.GroupBuyCampaignId);

    internal static ExperimentInput Input(Experiment e) => new(e.Key, e.Name, e.Hypothesis,
        e.Variants.Select(v => (VariantInput?)new VariantInput(v.Key, v.Weight, v.CouponCampaignId, v.GroupBuyCampaignId,
            v.Payload is null ? null : JsonDocument.Parse(v.Payload).RootElement.Clone())).ToList(),
        (decimal)e.Coverage, e.Audience, new MetricInput(e.MetricKind, e.MetricCourseExternalIds.ToList<string?>(), e.MetricEventType),
        e.Guardrails.ToList<string?>(), Iso(e.StartsAt), Iso(e.EndsAt), e.Status,
        e.AudienceSegmentId) { Audience = e.AudienceSegmentId is null ? e.Audience : ExperimentAudiences.Segment };

    private static ExperimentInput Merge(ExperimentInput current, ExperimentInput patch) => new(current.Key,
        patch.Name ?? current.Name, patch.Hypothesis ?? current.Hypothesis, patch.Variants ?? current.Variants,
        patch.Coverage ?? current.Coverage, patch.Audience ?? current.Audience, patch.Metric ?? current.Metric,
        patch.Guardrails ?? current.Guardrails, patch.StartsAt ?? current.StartsAt, patch.EndsAt ?? current.EndsAt,
        patch.Status ?? current.Status, patch.AudienceSegmentId ?? current.AudienceSegmentId);

    private static string? Iso(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
