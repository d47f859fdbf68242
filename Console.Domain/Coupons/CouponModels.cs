namespace Console.Domain.Coupons;

public static class CouponKinds
{
    public const string PercentOff = "percent_off";
    public const string AmountOff = "amount_off";
    public const string FixedPrice = "fixed_price";
    public static readonly string[] All = [PercentOff, AmountOff, FixedPrice];
}

public static class Audiences
{
    public const string Everyone = "everyone";
    public const string NewCustomers = "new_customers";
    public const string LiveClaimers = "live_claimers";
    public const string List = "list";
    public static readonly string[] All = [Everyone, NewCustomers, LiveClaimers, List];

    /// <summary>Only the members of a saved segment (audienceSegmentId); kept apart from All, which the console's audience picker lists.</summary>
    public const string Segment = "segment";
    public static readonly string[] WithSegment = [.. All, Segment];
}

/// <summary>Campaign status, shared by coupon and group-buy campaigns.</summary>
public static class CampaignStatus
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Ended = "ended";
    public static readonly string[] All = [Draft, Active, Paused, Ended];
}

/// <summary>The coupon refusal codes of API.md.</summary>
public static class CouponRefusals
{
    public const string NotFound = "coupon_not_found";
    public const string NotStarted = "coupon_not_started";
    public const string Expired = "coupon_expired";
    public const string Paused = "coupon_paused";
    public const string Exhausted = "coupon_exhausted";
    public const string CustomerLimitReached = "customer_limit_reached";
    public const string MinSpendNotMet = "min_spend_not_met";
    public const string CourseNotEligible = "course_not_eligible";
    public const string AudienceNotEligible = "audience_not_eligible";
    public const string NotStackable = "not_stackable";
    public static readonly string[] All =
    [
        NotFound, NotStarted, Expired, Paused, Exhausted, CustomerLimitReached, MinSpendNotMet, CourseNotEligible, AudienceNotEligible,
        NotStackable,
    ];
}

/// <summary>
/// A coupon campaign as the API shows it. Value is hundredths (of a percent, or fen); money in fen; times UTC.
/// </summary>
public sealed record CouponCampaign(long Id, string Name, string Kind, long Value, long? MinSpend, long? MaxDiscount,
    IReadOnlyList<string> CourseExternalIds, IReadOnlyList<string> Categories, string Audience,
    IReadOnlyList<string> AudienceCustomerExternalIds, DateTime? StartsAt, DateTime? EndsAt, long? TotalLimit,
    long? PerCustomerLimit, long? Budget, long BudgetUsed, bool Stackable, long Priority, string Status, bool ReturnUseOnRefund,
    string? LiveSessionExternalId, long? ClaimMinutes, long Uses, long DiscountGiven, long Revenue, string? SharedCode,
    long UniqueCodes, long UniqueCodesUsed, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>The segment of an audience 'segment'; null for every other audience.</summary>
    public long? AudienceSegmentId { get; init; }
}
