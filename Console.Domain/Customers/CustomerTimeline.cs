using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Customers;

public enum TimelineKind { Event, Order }

/// <summary>One line of the timeline: an event (Type is its type, Amount its value) or an order (Amount is net fen).</summary>
public sealed class TimelineItem
{
    public TimelineKind Kind { get; set; }
    public long Id { get; init; }
    public DateTime At { get; init; }
    public string Type { get; init; } = "";
    public long? CourseId { get; init; }
    public string? CourseTitle { get; init; }
    public long? LiveSessionId { get; init; }
    public double? Value { get; init; }
    public string? OrderId { get; init; }
    public long Payable { get; init; }
    public long Refunded { get; init; }

    /// <summary>The KOL the order is attributed to, and how (code, link or live_session); null when no KOL brought it.</summary>
    public long? KolId { get; init; }
    public string? KolName { get; init; }
    public string? AttributedVia { get; init; }
}

/// <summary>Where the next page starts: how many events and how many orders the pages so far have shown.</summary>
public sealed record TimelineCursor(int Events, int Orders)
{
    public static readonly TimelineCursor Start = new(0, 0);
}

public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, TimelineCursor Next, bool HasMore);

/// <summary>
/// Latest events and orders of one customer, merged newest first. Each source is read page by page along
/// its (customer_id, time) index; the cursor counts what each has given so ties never repeat or vanish.
/// </summary>
public sealed class CustomerTimeline(Db db)
{
    public const int MaxPageSize = 200;

    public async Task<TimelinePage> PageAsync(long customerId, TimelineCursor cursor, int take, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        // One row more than the page shows tells whether a source has anything left.
        var args = new { customerId, eventSkip = cursor.Events, orderSkip = cursor.Orders, take = take + 1 };
        await using var connection = await db.OpenAsync(ct);
        var events = (await connection.QueryAsync<TimelineItem>(
            new CommandDefinition(EventsSql.For(db.Dialect), args, cancellationToken: ct))).ToList();
        var orders = (await connection.QueryAsync<TimelineItem>(
            new CommandDefinition(OrdersSql.For(db.Dialect), args, cancellationToken: ct))).ToList();
        events.ForEach(e => e.Kind = TimelineKind.Event);
        orders.ForEach(o => o.Kind = TimelineKind.Order);

        var merged = events.Concat(orders)
            .OrderByDescending(i => i.At).ThenBy(i => i.Kind == TimelineKind.Order ? 0 : 1).ThenByDescending(i => i.Id)
            .ToList();
        var page = merged.Take(take).ToList();
        var next = new TimelineCursor(
            cursor.Events + page.Count(i => i.Kind == TimelineKind.Event),
            cursor.Orders + page.Count(i => i.Kind == TimelineKind.Order));
        return new TimelinePage(page, next, merged.Count > take);
    }

    private static readonly DialectSql EventsSql = new(d =>
        $"""
        SELECT e.id AS Id, e.occurred_at AS At, e.type AS Type, e.course_id AS CourseId, c.title AS CourseTitle,
               e.live_session_id AS LiveSessionId, e.value AS Value
        FROM events e LEFT JOIN courses c ON c.id = e.course_id
        WHERE e.customer_id = @customerId
        ORDER BY e.occurred_at DESC, e.id DESC
        {PageFragment.For(d, skip: "@eventSkip")}
        """);

    private static readonly DialectSql OrdersSql = new(d =>
        $"""
        SELECT o.id AS Id, o.paid_at AS At, o.status AS Type, o.course_id AS CourseId, c.title AS CourseTitle,
               o.live_session_id AS LiveSessionId, o.order_id AS OrderId, o.payable AS Payable, o.refunded AS Refunded,
               a.kol_id AS KolId, k.name AS KolName, a.via AS AttributedVia
        FROM orders o JOIN courses c ON c.id = o.course_id
        LEFT JOIN order_attributions a ON a.order_id = o.id
        LEFT JOIN kols k ON k.id = a.kol_id
        WHERE o.customer_id = @customerId
        ORDER BY o.paid_at DESC, o.id DESC
        {PageFragment.For(d, skip: "@orderSkip")}
        """);
}
