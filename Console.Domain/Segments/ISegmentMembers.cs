namespace Console.Domain.Segments;

/// <summary>
/// The customers a saved segment holds at this moment. Email recipients, coupon audiences and experiment audiences
/// read segments only through this, so the rule language can grow without touching them.
/// </summary>
public interface ISegmentMembers
{
    /// <summary>False for an id no segment has (or one that was deleted), so callers can refuse it next to the field.</summary>
    Task<bool> ExistsAsync(long segmentId, CancellationToken ct);

    /// <summary>Internal customer ids (customers.id) that match the segment's rule now, in ascending order.</summary>
    Task<IReadOnlyList<long>> CustomerIdsAsync(long segmentId, CancellationToken ct);

    /// <summary>Whether one customer matches the segment's rule now; checkout uses it, so it must not scan the whole segment.</summary>
    Task<bool> ContainsAsync(long segmentId, long customerId, CancellationToken ct);
}
