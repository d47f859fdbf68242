using System.Security.Claims;
using System.Text.Json;
using Console.Domain.Data;
using Console.Domain.Experiments;

namespace Console.Web.Api;

/// <summary>A/B experiments (API.md "Experiments"): definitions for manage keys, assignment for the storefront, stored results.</summary>
internal static class ExperimentsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var manage = v1.MapGroup("/experiments").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Experiments");
        manage.MapPost("", CreateAsync).Accepts<ExperimentInput>("application/json").Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .Documented("CreateExperiment", "Create an experiment; the variants' weights add up to 100 and the first variant is the control.",
                new ExperimentInput("coupon-30-vs-20pct", "30 yuan off against 20% off", "A fixed 30 yuan sells more after its cost.",
                    [new VariantInput("control", 50, CouponCampaignId: 1), new VariantInput("thirty_off", 50, CouponCampaignId: 2)],
                    1m, ExperimentAudiences.Everyone, new MetricInput(MetricKinds.RevenuePerUser), [Guardrails.RefundRate],
                    "2026-12-10T00:00:00+08:00", "2026-12-24T00:00:00+08:00", ExperimentStatus.Draft));
        manage.MapGet("/{key}", GetAsync).Produces<ExperimentAnswer>()
            .Documented("GetExperiment", "An experiment with its variants, metric, guardrails and status.", null, ExperimentRefusals.NotFound);
        manage.MapPatch("/{key}", UpdateAsync).Accepts<ExperimentInput>("application/json").Produces<ExperimentAnswer>()
            .Documented("UpdateExperiment", "Change an experiment (status, endsAt, coverage...); once it runs, its variants and weights are frozen.",
                new ExperimentInput(Status: ExperimentStatus.Running), ExperimentRefusals.NotFound, ExperimentRefusals.Running);
        manage.MapGet("/{key}/results", ExperimentsResultsApi.ResultsAsync).Produces<ExperimentsResultsApi.ResultsAnswer>()
            .Documented("GetExperimentResults", "The latest stored results: per variant the figures, the effect against the control with its "
                + "interval and p-value, chance to win and risk, the sequential and CUPED-adjusted effects, the SRM p-value and guardrails.",
                null, ExperimentRefusals.NotFound);

        var platform = v1.MapGroup("").RequireAuthorization(ApiKeyAuthentication.IngestPolicy).WithTags("Experiments");
        platform.MapGet("/experiments/{key}/assignment", AssignAsync).Produces<AssignmentAnswer>()
            .Documented("GetAssignment", "A customer's sticky variant of a running experiment; the first call records the exposure and hands "
                + "the variant's coupon code.", null, ExperimentRefusals.NotFound, ExperimentRefusals.NotRunning);
        platform.MapGet("/assignments", AssignmentsAsync).Produces<List<AssignmentAnswer>>()
            .Documented("ListAssignments", "A customer's assignment in every running experiment.");
    }

    public sealed record CreatedAnswer(long Id);

    public sealed record VariantAnswer(string Key, int Weight, long? CouponCampaignId, long? GroupBuyCampaignId, JsonElement? Payload);

    public sealed record MetricAnswer(string Kind, IReadOnlyList<string> CourseExternalIds, string? EventType);

    public sealed record ExperimentAnswer(long Id, string Key, string Name, string? Hypothesis, IReadOnlyList<VariantAnswer> Variants,
        double Coverage, string Audience, MetricAnswer Metric, IReadOnlyList<string> Guardrails, DateTimeOffset? StartsAt,
        DateTimeOffset? EndsAt, string Status, DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt, DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt, long? AudienceSegmentId);

    /// <summary>variant is null for the holdout; couponCode is the code this customer was handed, if the variant has one.</summary>
    public sealed record AssignmentAnswer(string Experiment, string? Variant, bool InExperiment, JsonElement? Payload, string? CouponCode,
        long? CouponCampaignId, long? GroupBuyCampaignId, DateTimeOffset AssignedAt);

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CreateExperiment create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ExperimentInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            CreateExperiment.Outcome.Created c => TypedResults.Created($"/api/v1/experiments/{Uri.EscapeDataString(body.Value!.Key!.Trim())}",
                new CreatedAnswer(c.Id)),
            CreateExperiment.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> GetAsync(string key, GetExperiment experiments, CancellationToken ct) =>
        await experiments.FindAsync(key, ct) is { } e ? TypedResults.Ok(Answer(e)) : NotFound(key);

    private static async Task<IResult> UpdateAsync(string key, HttpRequest request, ClaimsPrincipal user, UpdateExperiment update,
        CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ExperimentInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await update.ExecuteAsync(key, body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            UpdateExperiment.Outcome.Updated u => TypedResults.Ok(Answer(u.Experiment)),
            UpdateExperiment.Outcome.NotFound => NotFound(key),
            UpdateExperiment.Outcome.Refused r => Problems.Refusal(r.Code, ErrorText.English(r.Code, [key])),
            UpdateExperiment.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> AssignAsync(string key, string? customer, AssignVariant assign, CancellationToken ct) =>
        await assign.ExecuteAsync(key, customer, ct) switch
        {
            AssignVariant.Outcome.Assigned a => TypedResults.Ok(Answer(a.Assignment)),
            AssignVariant.Outcome.NotFound => NotFound(key),
            AssignVariant.Outcome.NotRunning => Problems.Refusal(ExperimentRefusals.NotRunning,
                ErrorText.English(ExperimentRefusals.NotRunning, [key])),
            AssignVariant.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };

    private static async Task<IResult> AssignmentsAsync(string? customer, AssignVariant assign, CancellationToken ct)
    {
        var text = customer?.Trim();
        if (string.IsNullOrEmpty(text)) return Problems.Validation("customer", ErrorText.English(FieldCodes.Required, []));
        if (text.Length > IngestFields.MaxIdLength) return Problems.Validation("customer", ErrorText.English(FieldCodes.TooLong, [IngestFields.MaxIdLength]));
        if (!AssignVariant.IsCleanId(text)) return Problems.Validation("customer", ErrorText.English(FieldCodes.InvalidText, []));
        return TypedResults.Ok((await assign.ForCustomerAsync(text, ct)).Select(Answer).ToList());
    }

    internal static IResult NotFound(string key) =>
        Problems.Refusal(ExperimentRefusals.NotFound, ErrorText.English(ExperimentRefusals.NotFound, [key]), StatusCodes.Status404NotFound);

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();

    private static DateTimeOffset? Time(DateTime? utc) => CouponCampaignsApi.Time(utc);

    private static AssignmentAnswer Answer(Assignment a) => new(a.Experiment, a.Variant, a.InExperiment, Json(a.Payload), a.CouponCode,
        a.CouponCampaignId, a.GroupBuyCampaignId, Time(a.AssignedAt)!.Value);

    internal static ExperimentAnswer Answer(Experiment e) => new(e.Id, e.Key, e.Name, e.Hypothesis,
        e.Variants.Select(v => new VariantAnswer(v.Key, v.Weight, v.CouponCampaignId, v.GroupBuyCampaignId, Json(v.Payload))).ToList(),
        e.Coverage, e.AudienceSegmentId is null ? e.Audience : ExperimentAudiences.Segment, new MetricAnswer(e.MetricKind, e.MetricCourseExternalIds, e.MetricEventType), e.Guardrails, Time(e.StartsAt),
        Time(e.EndsAt), e.Status, Time(e.StartedAt), Time(e.StoppedAt), Time(e.CreatedAt)!.Value, Time(e.UpdatedAt)!.Value,
        e.AudienceSegmentId);
}
