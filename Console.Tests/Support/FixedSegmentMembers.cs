using Console.Domain.Segments;

namespace Console.Tests.Support;

/// <summary>
/// A segment reader over fixed lists of customer ids, for tests of capabilities that read segments: segment id →
/// its customers. It stands where the rule-based segments would, and is swapped for them once they exist.
/// </summary>
public sealed class FixedSegmentMembers : ISegmentMembers
{
    private readonly Dictionary<long, long[]> _segments = [];

    public FixedSegmentMembers Add(long segmentId, IEnumerable<long> customerIds)
    {
        _segments[segmentId] = customerIds.Distinct().Order().ToArray();
        return this;
    }

    public Task<bool> ExistsAsync(long segmentId, CancellationToken ct) => Task.FromResult(_segments.ContainsKey(segmentId));

    public Task<IReadOnlyList<long>> CustomerIdsAsync(long segmentId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<long>>(_segments.TryGetValue(segmentId, out var ids) ? ids : []);

    public Task<bool> ContainsAsync(long segmentId, long customerId, CancellationToken ct) =>
        Task.FromResult(_segments.TryGetValue(segmentId, out var ids) && Array.BinarySearch(ids, customerId) >= 0);
}
