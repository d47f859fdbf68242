namespace Console.Domain.Orders;

public static class OrderStatus
{
    public const string Paid = "paid";
    public const string AwaitingGroup = "awaiting_group";
    public const string RefundDue = "refund_due";
    public const string PartiallyRefunded = "partially_refunded";
    public const string Refunded = "refunded";
}

/// <summary>The machine-readable refusal codes of API.md that order endpoints answer with.</summary>
public static class OrderRefusals
{
    public const string UnknownCourse = "unknown_course";
    public const string UnknownLiveSession = "unknown_live_session";
    public const string CouponNotFound = "coupon_not_found";
    public const string CampaignNotActive = "campaign_not_active";
    public const string TeamExpired = "team_expired";
    public const string RefundExceedsPaid = "refund_exceeds_paid";
    public static readonly string[] All = [UnknownCourse, UnknownLiveSession, CouponNotFound, CampaignNotActive, TeamExpired, RefundExceedsPaid];
}

/// <summary>
/// A business refusal: nothing was stored and the caller is told why by its code; Args are the values its message names
/// (the id or coupon code refused, the amounts compared), worded by whoever shows it.
/// </summary>
public sealed record OrderRefusal(string Code, params object[] Args);

/// <summary>{ campaignId } opens a team with the customer as leader; { campaignId, teamId } joins that team.</summary>
public sealed record GroupBuyRequest(long? CampaignId, long? TeamId);

/// <summary>Kind is "coupon" or "group_buy"; Amount is in fen.</summary>
public sealed record Discount(string Kind, string? Code, long? CampaignId, long Amount);

public sealed record RejectedCoupon(string Code, string Reason);

/// <summary>An order as stored; money in fen, PaidAt in UTC; GroupBuyTeam is the team it opened or joined.</summary>
public sealed record Order(string OrderId, string CustomerExternalId, string CourseExternalId, string? LiveSessionExternalId,
    string Channel, string? ReferralCode, long ListPrice, IReadOnlyList<Discount> Discounts, long Payable, long Refunded,
    string Status, DateTime PaidAt, GroupBuys.GroupBuyTeam? GroupBuyTeam = null, Partners.Attribution? Attribution = null);
