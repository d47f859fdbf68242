namespace Console.Domain.Email;

/// <summary>
/// The holdout share of a campaign's segment: a customer is in it or not by a hash of the campaign and the customer,
/// so every run of a campaign holds out the same people and a rerun chooses the same ones.
/// </summary>
public static class Holdout
{
    public static bool Contains(long campaignId, long customerId, int percent)
    {
        if (percent <= 0) return false;
        // SplitMix64 spreads neighbouring ids evenly over the 100 buckets.
        var z = unchecked((ulong)campaignId * 0x9E3779B97F4A7C15UL ^ (ulong)customerId);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z % 100) < percent;
    }
}
