namespace Console.Domain.Data.Demo;

/// <summary>About 3% of orders come back: most in full, some in part, within days of payment and before the period ends.</summary>
internal static class DemoRefunds
{
    private const double Share = 0.03;
    private const double PartialShare = 0.2;

    public static DemoOrder Maybe(Random rng, DemoCalendar calendar, DemoOrder order)
    {
        if (!rng.Chance(Share) || order.Payable == 0) return order;
        var at = DemoRandom.Seconds(order.PaidAt.AddHours(1 + rng.Exponential(48)));
        if (at >= calendar.EndUtc) at = DemoRandom.Seconds(order.PaidAt + (calendar.EndUtc - order.PaidAt) / 2);
        if (at <= order.PaidAt) return order;
        // A partial refund returns half, rounded to whole yuan, as support desks do.
        var amount = rng.Chance(PartialShare) ? Math.Max(100, order.Payable / 200 * 100) : order.Payable;
        return order with { Refunded = amount, RefundedAt = at, RefundReason = rng.Pick(DemoVocabulary.RefundReasons) };
    }
}
