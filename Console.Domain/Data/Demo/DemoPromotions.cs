namespace Console.Domain.Data.Demo;

/// <summary>
/// A demo coupon campaign beside the live-room ones. Days are offsets from the demo's end (negative: before it); Target is
/// its uses at the default size. Limit or Budget set means the campaign ran out exactly at its target.
/// </summary>
internal sealed record DemoCampaign(int Id, string Name, string Kind, long Value, string Status, int FromDay, int ToDay, int Target,
    string? Code = null, long? MinSpend = null, long? MaxDiscount = null, int? Category = null, int[]? Courses = null,
    int UniqueCodes = 0, bool Limit = false, bool Budget = false);

/// <summary>A demo group-buy campaign on one course: Target is its teams at the default size, FillOdds the share that fill.</summary>
internal sealed record DemoGroupBuy(int Id, string Name, int CourseId, int TeamSize, long GroupPrice, int WindowMinutes, int FromDay,
    int Target, double FillOdds);

/// <summary>A group-buy team as stored; Members counts its seats taken.</summary>
internal sealed record DemoTeam(int Id, int CampaignId, int LeaderId, string State, int Size, int Members, DateTime OpenedAt,
    DateTime ExpiresAt, DateTime? ClosedAt);

/// <summary>A coupon code as stored: shared (one per campaign) or unique (single use, Uses 0 or 1).</summary>
internal sealed record DemoCode(int Id, string Code, int CampaignId, bool Unique, int Uses);

/// <summary>The promotions a marketer would run over a season: one of each coupon kind and state, and three group buys.</summary>
internal static class DemoPromotions
{
    public const string PercentOff = "percent_off";
    public const string AmountOff = "amount_off";
    public const string FixedPrice = "fixed_price";

    public static readonly IReadOnlyList<DemoCampaign> Coupons =
    [
        new(4, "Double 12 sale · 双十二大促", PercentOff, 2_000, "active", -12, 3, 240, "DOUBLE12", MaxDiscount: 30_000, Category: 1),
        new(5, "Community codes · 社群专属码", AmountOff, 3_000, "active", -40, 20, 120, MinSpend: 19_900, UniqueCodes: 300),
        new(6, "Flash 100 · 限量秒杀券", AmountOff, 5_000, "active", -20, 10, 100, "FLASH50", MinSpend: 29_900, Limit: true),
        new(7, "Weekend ¥80 off · 周末立减 80", AmountOff, 8_000, "active", -25, 5, 80, "WEEKEND80", MinSpend: 49_900, Budget: true),
        new(8, "¥99 starter courses · 入门课 99 元", FixedPrice, 9_900, "active", -30, 30, 150, "START99", Courses: [1, 11, 12, 18, 27, 32, 39]),
        new(9, "Singles' Day · 双十一", PercentOff, 1_500, "ended", -30, -22, 160, "SINGLES11", MaxDiscount: 20_000),
        new(10, "Teachers' thanks · 感恩教师节", AmountOff, 4_000, "paused", -18, 12, 60, "THANKS40", MinSpend: 29_900),
        new(11, "New year early bird · 新年早鸟", PercentOff, 2_500, "active", 7, 21, 0, "EARLYBIRD", MaxDiscount: 50_000),
    ];

    public static readonly IReadOnlyList<DemoGroupBuy> GroupBuys =
    [
        new(1, "Python duo · Python 双人拼团", 1, 2, 12_900, 1_440, -30, 60, 0.8),
        new(2, "SQL study trio · SQL 三人学习团", 12, 3, 19_900, 1_440, -30, 40, 0.65),
        new(3, "AI builders of five · 大模型五人团", 10, 5, 199_900, 2_880, -30, 25, 0.45),
    ];

    /// <summary>The reason a failed team's refund carries.</summary>
    public const string TeamNotFilled = "team_not_filled";
}
