namespace Console.Domain.Partners;

/// <summary>
/// What a rate earns on what was really paid, rounded half away from zero to the fen. A percent rate is hundredths of a
/// percent of the net; a flat rate is its fee for a whole order, shrinking with the share refunded. Decimal holds every
/// product of in-bounds amounts; the cast back to fen is checked.
/// </summary>
public static class CommissionMath
{
    public static long Amount(Rate rate, long net, long payable)
    {
        if (net <= 0 || payable <= 0) return 0;
        var exact = rate.Kind == KolWords.Percent
            ? (decimal)net * rate.Value / 10_000m
            : (decimal)rate.Value * net / payable;
        return checked((long)Math.Round(exact, MidpointRounding.AwayFromZero));
    }

    /// <summary>The tier a month's net attributed sales reach: the highest threshold at or below it, if any.</summary>
    public static Tier? TierFor(IReadOnlyList<Tier> tiers, long monthlyNet) =>
        tiers.Where(t => t.FromMonthlyNet <= monthlyNet).MaxBy(t => t.FromMonthlyNet);

    public static long Sum(IEnumerable<long> amounts)
    {
        long total = 0;
        foreach (var amount in amounts) total = checked(total + amount);
        return total;
    }
}
