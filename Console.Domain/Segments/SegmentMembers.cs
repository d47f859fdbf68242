using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>
/// The members of saved segments for the audiences that use them (email recipients, coupon and experiment audiences).
/// Checkout calls the Statements overload inside its own transaction, so a rule that reads coupon redemptions never waits
/// on the locks that very transaction holds.
/// </summary>
public sealed class SegmentMembers(StatementRunner runner, SegmentQueries queries) : ISegmentMembers
{
    public async Task<bool> ExistsAsync(long segmentId, CancellationToken ct)
    {
        await using var run = await runner.ReadAsync(ct);
        return await run.ScalarAsync<long>(
            """
            SELECT COUNT(*) FROM segments WHERE id = @segmentId AND archived_at IS NULL
            """, ct, ("segmentId", segmentId)) > 0;
    }

    public async Task<IReadOnlyList<long>> CustomerIdsAsync(long segmentId, CancellationToken ct)
    {
        await using var run = await runner.ReadAsync(ct);
        return await SegmentStore.RuleAsync(run.Connection, null, segmentId, ct) is { } rule ? await queries.IdsAsync(run, rule, ct) : [];
    }

    public async Task<bool> ContainsAsync(long segmentId, long customerId, CancellationToken ct)
    {
        await using var run = await runner.ReadAsync(ct);
        return await ContainsAsync(run, segmentId, customerId, ct);
    }

    /// <summary>Membership read on the caller's statements (its connection and transaction); an archived segment holds nobody.</summary>
    public async Task<bool> ContainsAsync(Statements run, long segmentId, long customerId, CancellationToken ct) =>
        await SegmentStore.RuleAsync(run.Connection, run.Transaction, segmentId, ct) is { } rule
        && await queries.ContainsAsync(run, rule, customerId, ct);
}
