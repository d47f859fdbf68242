namespace Console.Domain.Data.Demo;

/// <summary>One behaviour event before it gets its id; CourseId, SessionId and CampaignId (of a claimed code) are 0 when absent.</summary>
internal readonly record struct DemoEvent(DateTime At, string Type, int CourseId, int SessionId, double? Value, int CampaignId = 0);

/// <summary>
/// One paid order; Id is given once all orders are known, in paid-time order. CampaignId and CodeId name a promotion's
/// coupon (0: a live-room coupon, known by its amount); TeamId a group-buy seat, whose order is Held until the team closes.
/// </summary>
internal sealed record DemoOrder(
    int CustomerId, int CourseId, int SessionId, string Channel, string? ReferralCode, long ListPrice, long Discount,
    string? CouponCode, DateTime PaidAt)
{
    public int Id { get; init; }
    public long Refunded { get; init; }
    public DateTime? RefundedAt { get; init; }
    public string? RefundReason { get; init; }
    public int CampaignId { get; init; }
    public int CodeId { get; init; }
    public int GroupBuyId { get; init; }
    public int TeamId { get; init; }
    public bool Leader { get; init; }
    public string? Held { get; init; }

    public string OrderId => $"demo-o-{Id:D7}";
    public long Payable => ListPrice - Discount;
    public string Status => Refunded == 0 ? Held ?? "paid" : Refunded == Payable ? "refunded" : "partially_refunded";
}

/// <summary>Event type names of API.md "Ingestion".</summary>
internal static class DemoEventTypes
{
    public const string PageView = "page_view";
    public const string Watch = "watch";
    public const string Chat = "chat";
    public const string Question = "question";
    public const string PollVote = "poll_vote";
    public const string Like = "like";
    public const string Share = "share";
    public const string LotteryJoin = "lottery_join";
    public const string CouponClaim = "coupon_claim";
    public const string AddToCart = "add_to_cart";
}
