using System.Globalization;
using Console.Domain.Experiments;

namespace Console.Web.Components.Pages.Experiments;

/// <summary>One variant row of the editor; Promotion is "" for none, "c:{id}" for a coupon campaign or "g:{id}" for a group buy.</summary>
public sealed class VariantForm
{
    public string? Key { get; set; }
    public int? Weight { get; set; }
    public string Promotion { get; set; } = "";
}

/// <summary>The editor's fields as people fill them in (coverage in percent, days in the business time zone), turned into the API's input.</summary>
public sealed class ExperimentForm
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Hypothesis { get; set; }
    public decimal? CoveragePercent { get; set; } = 100;
    public string Audience { get; set; } = ExperimentAudiences.Everyone;
    public long? AudienceSegmentId { get; set; }
    public string MetricKind { get; set; } = MetricKinds.Conversion;
    public IReadOnlyCollection<string> MetricCourses { get; set; } = [];
    public string? EventType { get; set; }
    public bool RefundRate { get; set; } = true;
    public bool AverageOrderValue { get; set; }
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    public string Status { get; set; } = ExperimentStatus.Draft;
    public List<VariantForm> Variants { get; } = [new() { Key = "control", Weight = 50 }, new() { Key = "treatment", Weight = 50 }];

    public int WeightTotal => Variants.Sum(v => v.Weight ?? 0);

    public static ExperimentForm From(Experiment e, TimeZoneInfo zone)
    {
        var form = new ExperimentForm
        {
            Key = e.Key, Name = e.Name, Hypothesis = e.Hypothesis, CoveragePercent = Math.Round((decimal)e.Coverage * 100, 2),
            MetricKind = e.MetricKind, MetricCourses = e.MetricCourseExternalIds, EventType = e.MetricEventType,
            RefundRate = e.Guardrails.Contains(Guardrails.RefundRate), AverageOrderValue = e.Guardrails.Contains(Guardrails.AverageOrderValue),
            StartsOn = Local(e.StartsAt, zone), EndsOn = Local(e.EndsAt, zone), Status = e.Status,
            Audience = e.AudienceSegmentId is null ? e.Audience : ExperimentAudiences.Segment, AudienceSegmentId = e.AudienceSegmentId,
        };
        form.Variants.Clear();
        form.Variants.AddRange(e.Variants.Select(v => new VariantForm
        {
            Key = v.Key, Weight = v.Weight,
            Promotion = v.CouponCampaignId is { } c ? $"c:{c}" : v.GroupBuyCampaignId is { } g ? $"g:{g}" : "",
        }));
        return form;
    }

    public ExperimentInput ToInput(TimeZoneInfo zone) => new(Key, Name, string.IsNullOrWhiteSpace(Hypothesis) ? null : Hypothesis,
        Variants.Select(v => (VariantInput?)new VariantInput(v.Key, v.Weight, Id(v.Promotion, "c:"), Id(v.Promotion, "g:"))).ToList(),
        CoveragePercent is { } p ? p / 100m : null, Audience,
        new MetricInput(MetricKind, MetricCourses.ToList<string?>(), MetricKind == MetricKinds.Event ? EventType : null),
        [.. new[] { RefundRate ? Guardrails.RefundRate : null, AverageOrderValue ? Guardrails.AverageOrderValue : null }.Where(g => g is not null)],
        Iso(StartsOn, zone), Iso(EndsOn, zone), Status, Audience == ExperimentAudiences.Segment ? AudienceSegmentId : null);

    private static long? Id(string promotion, string prefix) =>
        promotion.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(promotion[prefix.Length..], CultureInfo.InvariantCulture, out var id) ? id : null;

    private static DateTime? Local(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } t ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), zone).Date : null;

    /// <summary>A picked day as the moment it starts in the business time zone.</summary>
    private static string? Iso(DateTime? day, TimeZoneInfo zone)
    {
        if (day is not { } d) return null;
        var local = DateTime.SpecifyKind(d.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
