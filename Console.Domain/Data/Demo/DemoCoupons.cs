namespace Console.Domain.Data.Demo;

/// <summary>A demo coupon campaign with one shared code; Fen is the amount off, MinSpend the smallest list price it takes.</summary>
internal sealed record DemoCoupon(int Id, string Code, string Name, long Fen, long MinSpend);

/// <summary>
/// The coupons the demo's live shows push: amounts off for customers who claimed one in a show. A show pushes the
/// largest one its course's price carries, as rooms keep a coupon near a fifth of the price.
/// </summary>
internal static class DemoCoupons
{
    /// <summary>A claim is good for a day: long enough to think it over after the show, short enough to push again next time.</summary>
    public const int ClaimMinutes = 1_440;

    public static readonly IReadOnlyList<DemoCoupon> LiveRoom =
    [
        new(1, "LIVE20", "Live room ¥20 off · 直播间立减 ¥20", 2_000, 9_900),
        new(2, "LIVE50", "Live room ¥50 off · 直播间立减 ¥50", 5_000, 25_000),
        new(3, "LIVE100", "Live room ¥100 off · 直播间立减 ¥100", 10_000, 50_000),
    ];

    /// <summary>The live coupon for a course at this price; <paramref name="larger"/> picks ¥100 over ¥50 where both fit.</summary>
    public static DemoCoupon ForPrice(long listPrice, bool larger) =>
        listPrice >= LiveRoom[2].MinSpend && larger ? LiveRoom[2] : listPrice >= LiveRoom[1].MinSpend ? LiveRoom[1] : LiveRoom[0];

    public static DemoCoupon? OfFen(long fen) => LiveRoom.FirstOrDefault(c => c.Fen == fen);
}
