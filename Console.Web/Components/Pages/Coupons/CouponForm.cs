using System.Globalization;
using Console.Domain.Coupons;
using Console.Domain.Data;

namespace Console.Web.Components.Pages.Coupons;

/// <summary>
/// What the coupon editor binds to: money in yuan as typed, times as business-zone dates and clock times. It becomes the
/// same CouponCampaignInput the API sends, so the domain's rules judge both alike.
/// </summary>
public sealed class CouponForm
{
    public string? Name { get; set; }
    public string Kind { get; set; } = CouponKinds.PercentOff;
    public decimal? Value { get; set; }
    public decimal? MinSpend { get; set; }
    public decimal? MaxDiscount { get; set; }
    public string Eligibility { get; set; } = "all";
    public IReadOnlyCollection<string> Categories { get; set; } = [];
    public IReadOnlyCollection<string> Courses { get; set; } = [];
    public string Audience { get; set; } = Audiences.Everyone;
    public string? AudienceIds { get; set; }
    public long? AudienceSegmentId { get; set; }
    public DateTime? StartDate { get; set; }
    public TimeSpan? StartTime { get; set; }
    public DateTime? EndDate { get; set; }
    public TimeSpan? EndTime { get; set; }
    public long? TotalLimit { get; set; }
    public long? PerCustomerLimit { get; set; }
    public decimal? Budget { get; set; }
    public bool Stackable { get; set; }
    public long? Priority { get; set; }
    public string CodeMode { get; set; } = "shared";
    public string? Code { get; set; }
    public int? GenerateCodes { get; set; }
    public bool ReturnUseOnRefund { get; set; }
    public string Status { get; set; } = CampaignStatus.Draft;
    public string? LiveSession { get; set; }
    public long? ClaimMinutes { get; set; }

    /// <summary>The whole campaign as input; codes only when creating (they are fixed afterwards).</summary>
    public CouponCampaignInput ToInput(TimeZoneInfo zone, bool creating) => new(
        Name, Kind, Value, MinSpend, MaxDiscount,
        Eligibility == "courses" ? Courses.ToList<string?>() : [],
        Eligibility == "categories" ? Categories.ToList<string?>() : [],
        Audience, Audience == Audiences.List ? ParseIds(AudienceIds).ToList<string?>() : [],
        Utc(StartDate, StartTime, zone, endOfDay: false), Utc(EndDate, EndTime, zone, endOfDay: true),
        TotalLimit, PerCustomerLimit, Budget, Stackable, Priority ?? 0,
        creating && CodeMode == "shared" ? NullIfBlank(Code) : null,
        creating && CodeMode == "unique" ? GenerateCodes ?? 0 : null,
        ReturnUseOnRefund, Status, NullIfBlank(LiveSession), string.IsNullOrWhiteSpace(LiveSession) ? null : ClaimMinutes,
        Audience == Audiences.Segment ? AudienceSegmentId : null);

    public static CouponForm From(CouponCampaign c, TimeZoneInfo zone)
    {
        var (startDate, startTime) = Local(c.StartsAt, zone);
        if (startTime == TimeSpan.Zero) startTime = null;
        var (endDate, endTime) = Local(c.EndsAt, zone);
        // A date-only end is stored as the following midnight; the form shows the day that was entered.
        if (endDate is { } day && endTime == TimeSpan.Zero) (endDate, endTime) = (day.AddDays(-1), null);
        return new CouponForm
        {
            Name = c.Name, Kind = c.Kind, Value = Money.ToDecimal(c.Value), MinSpend = Dec(c.MinSpend), MaxDiscount = Dec(c.MaxDiscount),
            Eligibility = c.CourseExternalIds.Count > 0 ? "courses" : c.Categories.Count > 0 ? "categories" : "all",
            Courses = c.CourseExternalIds, Categories = c.Categories,
            Audience = c.AudienceSegmentId is null ? c.Audience : Audiences.Segment, AudienceSegmentId = c.AudienceSegmentId,
            AudienceIds = string.Join('\n', c.AudienceCustomerExternalIds), StartDate = startDate, StartTime = startTime,
            EndDate = endDate, EndTime = endTime, TotalLimit = c.TotalLimit, PerCustomerLimit = c.PerCustomerLimit,
            Budget = Dec(c.Budget), Stackable = c.Stackable, Priority = c.Priority, ReturnUseOnRefund = c.ReturnUseOnRefund,
            Status = c.Status, LiveSession = c.LiveSessionExternalId, ClaimMinutes = c.ClaimMinutes,
            CodeMode = c.UniqueCodes > 0 ? "unique" : "shared", Code = c.SharedCode,
            GenerateCodes = c.UniqueCodes > 0 ? (int)c.UniqueCodes : null,
        };
    }

    private static readonly string[] Headers = ["customer_external_id", "customerexternalid", "external_id", "externalid", "customer", "id"];

    /// <summary>Customer ids from pasted text or an uploaded file: one per line (the first column of a CSV), header skipped.</summary>
    public static IReadOnlyList<string> ParseIds(string? text)
    {
        var ids = new List<string>();
        foreach (var line in (text ?? "").Split('\n'))
        {
            var id = line.Split(',', ';', '\t')[0].Trim().Trim('"').Trim();
            if (id.Length == 0 || (ids.Count == 0 && Headers.Contains(id.ToLowerInvariant()))) continue;
            if (!ids.Contains(id, StringComparer.Ordinal)) ids.Add(id);
        }
        return ids;
    }

    /// <summary>An ISO-8601 UTC time from a business-zone date and time; a date alone means its start (or, for an end, its end).</summary>
    public static string? Utc(DateTime? date, TimeSpan? time, TimeZoneInfo zone, bool endOfDay)
    {
        if (date is not { } d) return null;
        var local = DateTime.SpecifyKind(d.Date + (time ?? TimeSpan.Zero), DateTimeKind.Unspecified);
        if (time is null && endOfDay) local = local.AddDays(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static (DateTime?, TimeSpan?) Local(DateTime? utc, TimeZoneInfo zone)
    {
        if (utc is not { } u) return (null, null);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), zone);
        return (local.Date, local.TimeOfDay);
    }

    private static decimal? Dec(long? fen) => fen is { } f ? Money.ToDecimal(f) : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
