using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Experiments;

/// <summary>One customer's place in one experiment, as the storefront receives it.</summary>
public sealed record Assignment(string Experiment, string? Variant, bool InExperiment, string? Payload, string? CouponCode,
    long? CouponCampaignId, long? GroupBuyCampaignId, DateTime AssignedAt);

/// <summary>
/// Serves a customer's variant of a running experiment. The first call stores the assignment (the exposure) and, where the
/// variant names a coupon campaign, the code handed over; later calls answer what was stored, so the answer never moves.
/// Racing first calls insert-or-ignore one row under the (experiment, customer) key and all read that one row back.
/// </summary>
public sealed class AssignVariant(StatementRunner runner, TimeProvider clock, Segments.ISegmentMembers? segments = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Experiment Definition, long Revision)> _definitions = new(StringComparer.Ordinal);

    public abstract record Outcome
    {
        public sealed record Assigned(Assignment Assignment) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record NotRunning : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    /// <summary>Ids refuse control characters and the replacement character, as ingested ids do, so none is stored as an exposure.</summary>
    public static bool IsCleanId(string id) => !id.Any(c => c == '\uFFFD' || char.IsControl(c));

    public async Task<Outcome> ExecuteAsync(string key, string? customer, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var externalId = fields.Required("customer", customer);
        if (!IsCleanId(externalId)) fields.Add("customer", FieldCodes.InvalidText);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
        Experiment? experiment;
        ExposureStore.Stored? stored;
        await using (var read = await runner.ReadAsync(ct))
            (experiment, stored) = await LookAsync(read, key, externalId, ct);
        if (experiment is null) return new Outcome.NotFound();
        if (!IsRunning(experiment, clock.GetUtcNow().UtcDateTime)) return new Outcome.NotRunning();
        return new Outcome.Assigned(await AnswerAsync(experiment, externalId, stored, ct));
    }

    /// <summary>The assignments of one customer in every running experiment, for the storefront's page load.</summary>
    public async Task<IReadOnlyList<Assignment>> ForCustomerAsync(string customer, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var answers = new List<Assignment>();
        List<(Experiment Experiment, ExposureStore.Stored? Stored)> running = [];
        await using (var read = await runner.ReadAsync(ct))
        {
            foreach (var key in await ExposureStore.RunningKeysAsync(read, ct))
                if (await LookAsync(read, key, customer, ct) is ({ } e, var stored) && IsRunning(e, now))
                    running.Add((e, stored));
        }
        foreach (var (experiment, stored) in running) answers.Add(await AnswerAsync(experiment, customer, stored, ct));
        return answers;
    }

    /// <summary>
    /// The experiment's definition and the customer's stored assignment. One statement reads the stored row with the
    /// experiment's id and revision; the definition (variants, courses, audience) is loaded again only when that is not
    /// the revision kept. Every change counts the revision up (UpdateExperiment), so a kept definition is never stale, on any node.
    /// </summary>
    private async Task<(Experiment?, ExposureStore.Stored?)> LookAsync(Statements read, string key, string customer, CancellationToken ct)
    {
        if (await ExposureStore.LookAsync(read, key, customer, ct) is not { } look) return (null, null);
        if (_definitions.TryGetValue(key, out var kept) && kept.Definition.Id == look.ExperimentId && kept.Revision == look.Revision)
            return (kept.Definition, look.Stored);
        // Loaded after the look, so the definition is at least that revision: keeping it under the looked-at number can
        // only cause one more load, never a stale answer.
        var experiment = await ExperimentStore.LoadAsync(read.Connection, null, key, ct);
        if (experiment is null) return (null, null);
        // Only keys that name a stored experiment get here, so the map is bounded by the experiments there are.
        _definitions[key] = (experiment, look.Revision);
        return (experiment, look.Stored);
    }

    private async Task<bool> InAudienceAsync(long segmentId, string customer, CancellationToken ct)
    {
        if (segments is null) return false;
        long? customerId;
        await using (var read = await runner.ReadAsync(ct))
            customerId = await read.ScalarAsync<long?>(
                """
                SELECT id FROM customers WHERE external_id = @customer
                """, ct, ("customer", customer));
        return customerId is { } id && await segments.ContainsAsync(segmentId, id, ct);
    }

    public static bool IsRunning(Experiment e, DateTime nowUtc) =>
        e.Status == ExperimentStatus.Running && (e.StartsAt is null || e.StartsAt <= nowUtc) && (e.EndsAt is null || nowUtc < e.EndsAt);

    private async Task<Assignment> AnswerAsync(Experiment experiment, string customer, ExposureStore.Stored? stored, CancellationToken ct)
    {
        if (stored is null && experiment.AudienceSegmentId is { } segmentId && !await InAudienceAsync(segmentId, customer, ct))
            // Outside the audience: neither in the test nor in its holdout, and no exposure is recorded.
            return new Assignment(experiment.Key, null, false, null, null, null, null, clock.GetUtcNow().UtcDateTime);
        if (stored is null)
        {
            var pick = Bucketing.Assign(experiment.Key, customer, experiment.Coverage, experiment.Variants.Select(v => v.Weight).ToList());
            var variant = pick.InExperiment ? experiment.Variants[pick.VariantIndex] : null;
            var now = clock.GetUtcNow().UtcDateTime;
            stored = await runner.WriteAsync(new WriteUnit<ExposureStore.Stored>(
                (run, token) => ExposureStore.RecordAsync(run, experiment.Id, customer, variant, now, token),
                _ => true, _ => null, UndoFree: true), ct);
        }
        var chosen = experiment.Variants.FirstOrDefault(v => v.Id == stored.VariantId);
        return new Assignment(experiment.Key, chosen?.Key, chosen is not null, chosen?.Payload, stored.CouponCode, chosen?.CouponCampaignId,
            chosen?.GroupBuyCampaignId, stored.ExposedAt);
    }
}
