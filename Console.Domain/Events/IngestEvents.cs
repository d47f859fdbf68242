using System.Collections.Frozen;
using Console.Domain.Coupons;
using Console.Domain.Data;

namespace Console.Domain.Events;

/// <summary>A behaviour event as the platform sends it: every value as the text that arrived.</summary>
public sealed record EventIn(string? EventId, string? CustomerExternalId, string? Type, string? OccurredAt,
    string? CourseExternalId = null, string? LiveSessionExternalId = null, string? Value = null, string? CouponCode = null,
    string? ClickId = null);

/// <summary>
/// Validates a batch of events and hands the valid ones to the writer. Idempotent by eventId: the unique event key
/// decides (see <see cref="EventKey"/>), so an event already stored or repeated in the batch counts as a duplicate,
/// never a second row.
/// </summary>
public sealed class IngestEvents(StatementRunner runner, Db db, WriteGate gate, ExternalIds ids, TimeProvider clock) : IAsyncDisposable
{
    private readonly EventWriter _writer = new(runner, db, gate, ids);
    private readonly Partners.EventClicks _clicks = new(db, gate);

    public static readonly FrozenSet<string> Types = new[]
    {
        "page_view", "watch", "chat", "question", "poll_vote", "like", "share", "lottery_join", "coupon_claim", "add_to_cart",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const string CouponClaim = "coupon_claim";

    /// <summary>Clocks drift; a day of slack keeps honest senders in, far-future typos out.</summary>
    public static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    public async Task<IngestResult> IngestAsync(IReadOnlyList<EventIn> items, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rejected = new List<Rejection>();
        var rows = new List<EventRow>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Check(items[i], now, out var row) is { } refusal) rejected.Add(refusal with { Index = i });
            else rows.Add(row with { Index = i });
        }
        var ties = ClickTies(items, rows);
        if (ties.Count > 0) (rows, ties) = await KnownClicksAsync(rows, ties, rejected, ct);
        if (rows.Count == 0) return new IngestResult(0, 0, Rejection.InOrder(rejected));
        var result = await _writer.WriteAsync(rows, rejected, now, ct);
        await _clicks.TieAsync(ties, ct);
        return result;
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static List<Partners.EventClicks.Tie> ClickTies(IReadOnlyList<EventIn> items, List<EventRow> rows)
    {
        var ties = new List<Partners.EventClicks.Tie>();
        foreach (var row in rows)
            if (IngestFields.Clean(items[row.Index].ClickId) is { } click) ties.Add(new(row.Index, click, row.Customer, row.OccurredAt));
        return ties;
    }

    /// <summary>Rows naming a click no link handed out are rejected (unknown_click); the rest go on with their ties.</summary>
    private async Task<(List<EventRow>, List<Partners.EventClicks.Tie>)> KnownClicksAsync(List<EventRow> rows,
        List<Partners.EventClicks.Tie> ties, List<Rejection> rejected, CancellationToken ct)
    {
        var known = await _clicks.KnownAsync(ties.Select(t => t.ClickId).ToHashSet(StringComparer.Ordinal), ct);
        var unknown = ties.Where(t => !known.Contains(t.ClickId)).Select(t => t.ClickId).ToHashSet(StringComparer.Ordinal);
        if (unknown.Count == 0) return (rows, ties);
        var refused = ties.Where(t => unknown.Contains(t.ClickId)).ToDictionary(t => t.Index, t => t.ClickId);
        foreach (var (index, click) in refused)
            rejected.Add(new Rejection(index, Partners.EventClicks.UnknownClick, $"No tracked link handed out the click '{click}'."));
        return (rows.Where(r => !refused.ContainsKey(r.Index)).ToList(), ties.Where(t => known.Contains(t.ClickId)).ToList());
    }

    private static Rejection? Check(EventIn e, DateTime now, out EventRow row)
    {
        row = default;
        if (IngestFields.CheckId("eventId", e.EventId) is { } eventId) return eventId;
        if (IngestFields.CheckId("customerExternalId", e.CustomerExternalId) is { } customer) return customer;
        if (string.IsNullOrWhiteSpace(e.Type)) return Rejection.Missing("type");
        if (!Types.TryGetValue(e.Type, out var type)) return new Rejection(0, "unknown_type", $"'{e.Type}' is not an event type.");
        if (string.IsNullOrWhiteSpace(e.OccurredAt)) return Rejection.Missing("occurredAt");
        if (!IngestFields.TryParseTime(e.OccurredAt, out var occurredAt))
            return Rejection.Invalid("occurredAt", "must be an ISO-8601 time with an offset");
        if (occurredAt > now + FutureSlack) return new Rejection(0, "occurred_in_future", "occurredAt is more than a day ahead.");
        var course = IngestFields.Clean(e.CourseExternalId);
        if (course is not null && IngestFields.CheckId("courseExternalId", course) is { } badCourse) return badCourse;
        var session = IngestFields.Clean(e.LiveSessionExternalId);
        if (session is not null && IngestFields.CheckId("liveSessionExternalId", session) is { } badSession) return badSession;
        double? value = null;
        if (IngestFields.Clean(e.Value) is not null)
        {
            if (!IngestFields.TryParseNumber(e.Value, out var number)) return Rejection.Invalid("value", "must be a number");
            value = number;
        }
        if (IngestFields.Clean(e.ClickId) is { } click && IngestFields.CheckId("clickId", click) is { } badClick) return badClick;
        var coupon = IngestFields.Clean(e.CouponCode);
        if (coupon is not null)
        {
            if (!string.Equals(type, CouponClaim, StringComparison.Ordinal))
                return Rejection.Invalid("couponCode", "names the code of a coupon_claim event only");
            if (IngestFields.CheckId("couponCode", coupon) is { } badCoupon) return badCoupon;
            coupon = CouponCampaignRules.Normalise(coupon);
        }
        // The key is hashed here, outside the writer's gate, where the batches' threads share the work.
        row = new EventRow(0, e.EventId!, EventKey.Of(e.EventId!), e.CustomerExternalId!, type, occurredAt, course, session, value,
            Coupon: coupon);
        return null;
    }
}
