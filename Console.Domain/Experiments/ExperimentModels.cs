using System.Text.Json;

namespace Console.Domain.Experiments;

public static class ExperimentStatus
{
    public const string Draft = "draft";
    public const string Running = "running";
    public const string Stopped = "stopped";
    public static readonly string[] All = [Draft, Running, Stopped];
}

public static class MetricKinds
{
    public const string Conversion = "conversion";
    public const string RevenuePerUser = "revenue_per_user";
    public const string Event = "event";
    public static readonly string[] All = [Conversion, RevenuePerUser, Event];
}

public static class Guardrails
{
    public const string RefundRate = "refund_rate";
    public const string AverageOrderValue = "average_order_value";
    public static readonly string[] All = [RefundRate, AverageOrderValue];
}

public static class ExperimentAudiences
{
    public const string Everyone = "everyone";
    public static readonly string[] All = [Everyone];

    /// <summary>Only the members of a saved segment (audienceSegmentId) take part; kept apart from All, which the console's editor lists.</summary>
    public const string Segment = "segment";
    public static readonly string[] WithSegment = [.. All, Segment];
}

/// <summary>The refusal codes of API.md "Experiments".</summary>
public static class ExperimentRefusals
{
    public const string NotFound = "experiment_not_found";
    public const string Running = "experiment_running";
    public const string NotRunning = "experiment_not_running";
    public static readonly string[] All = [NotFound, Running, NotRunning];
}

/// <summary>The fields of an experiment as the API and the console's editor send them; everything optional until checked.</summary>
public sealed record ExperimentInput(string? Key = null, string? Name = null, string? Hypothesis = null,
    IReadOnlyList<VariantInput?>? Variants = null, decimal? Coverage = null, string? Audience = null, MetricInput? Metric = null,
    IReadOnlyList<string?>? Guardrails = null, string? StartsAt = null, string? EndsAt = null, string? Status = null,
    long? AudienceSegmentId = null);

/// <summary>weight is a whole percentage; payload is any JSON the storefront wants back with the assignment.</summary>
public sealed record VariantInput(string? Key = null, int? Weight = null, long? CouponCampaignId = null, long? GroupBuyCampaignId = null,
    JsonElement? Payload = null);

public sealed record MetricInput(string? Kind = null, IReadOnlyList<string?>? CourseExternalIds = null, string? EventType = null);

public sealed record ExperimentVariant(long Id, int Position, string Key, int Weight, long? CouponCampaignId, long? GroupBuyCampaignId, string? Payload);

/// <summary>An experiment as stored; times UTC. The first variant is the control.</summary>
public sealed record Experiment(long Id, string Key, string Name, string? Hypothesis, double Coverage, string Audience, string MetricKind,
    IReadOnlyList<string> MetricCourseExternalIds, string? MetricEventType, IReadOnlyList<string> Guardrails, DateTime? StartsAt,
    DateTime? EndsAt, string Status, DateTime? StartedAt, DateTime? StoppedAt, IReadOnlyList<ExperimentVariant> Variants, DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The segment of an audience 'segment'; null when everyone is eligible.</summary>
    public long? AudienceSegmentId { get; init; }
}
