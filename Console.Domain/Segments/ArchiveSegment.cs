using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>
/// Deletes a segment by archiving it (its size history stays). Refused while a coupon campaign that has not ended or an
/// experiment that has not stopped uses it as its audience, since that audience would silently become nobody.
/// </summary>
public sealed class ArchiveSegment(StatementRunner runner, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Archived : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record InUse(string Users) : Outcome;
    }

    private const string UsersSql =
        """
        SELECT (SELECT COUNT(*) FROM coupon_campaign_segments x JOIN coupon_campaigns k ON k.id = x.campaign_id
                WHERE x.segment_id = @id AND k.status <> 'ended')
             + (SELECT COUNT(*) FROM experiment_segments x JOIN experiments e ON e.id = x.experiment_id
                WHERE x.segment_id = @id AND e.status <> 'stopped')
        """;

    public async Task<Outcome> ExecuteAsync(long id, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var before = await SegmentStore.LoadAsync(s.Connection, s.Transaction, id, token);
            if (before is null) return new Outcome.NotFound();
            var users = await s.ScalarAsync<long>(UsersSql, token, ("id", id));
            if (users > 0) return new Outcome.InUse(users.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await s.ExecuteAsync(
                """
                UPDATE segments SET archived_at = @now, updated_at = @now WHERE id = @id
                """, token, ("now", now), ("id", id));
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "segment.archive", "segment", id.ToString(), before, null, now);
            return new Outcome.Archived();
        }, o => o is Outcome.Archived, _ => null, UndoFree: true), ct);
    }
}
