using System.Numerics;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Models;

/// <summary>
/// Five minutes of one live session: what the room did (questions, polls, lottery draws, coupon pushes, chat) and
/// how many watched, with the orders its viewers placed from then until 24 hours after the show.
/// </summary>
public sealed record InteractionSlot(long SessionId, int Slot, int Viewers, int Questions, int PollVotes, int LotteryJoins, int CouponClaims,
    int Chats, int Orders)
{
    /// <summary>Orders per 100 viewers of the slot: the figure the model predicts.</summary>
    public double Conversion => Viewers == 0 ? 0 : 100.0 * Orders / Viewers;
}

/// <summary>A live session's slots, its unique viewers and when it started.</summary>
public sealed record SessionSlots(long SessionId, DateTime StartedAt, int UniqueViewers, IReadOnlyList<InteractionSlot> Slots);

/// <summary>
/// Cuts live sessions into 5-minute slots from the events and orders of the store. A poll, a lottery draw or a coupon
/// push shows in a slot as the votes, entries or claims it drew (the store holds viewers' events, not the host's).
/// An order counts for one session (its own, else the latest show of its course the buyer watched that began before
/// it and ended less than 24 h before it) and, within it, for the last slot the buyer was watching before paying.
/// </summary>
public sealed class InteractionSlotReader(Db db)
{
    public const int SlotMinutes = 5;
    public const int MaxSlots = 64;

    private const string SessionsSql =
        """
        SELECT id AS Id, course_id AS CourseId, started_at AS StartedAt, ended_at AS EndedAt
        FROM live_sessions
        WHERE started_at IS NOT NULL AND ended_at IS NOT NULL AND started_at >= @from AND started_at < @to
        """;

    private const string EventsSql =
        """
        SELECT live_session_id AS SessionId, customer_id AS CustomerId, type AS Type, occurred_at AS OccurredAt
        FROM events
        WHERE live_session_id IS NOT NULL AND occurred_at >= @from AND occurred_at < @until
          AND type IN ('watch', 'question', 'poll_vote', 'lottery_join', 'coupon_claim', 'chat')
        """;

    private const string OrdersSql =
        """
        SELECT customer_id AS CustomerId, course_id AS CourseId, live_session_id AS SessionId, paid_at AS PaidAt
        FROM orders
        WHERE paid_at >= @from AND paid_at < @until
        """;

    public async Task<IReadOnlyList<SessionSlots>> ReadAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sessions = (await connection.QueryAsync<SessionRow>(new CommandDefinition(SessionsSql, new { from = fromUtc, to = toUtc },
            cancellationToken: ct))).ToDictionary(s => s.Id, s => new Tally(s));
        if (sessions.Count == 0) return [];
        var until = sessions.Values.Max(s => s.Row.EndedAt).AddHours(24);
        var events = connection.QueryUnbufferedAsync<EventRow>(EventsSql, new { from = fromUtc, until });
        await foreach (var e in events.WithCancellation(ct))
            if (sessions.TryGetValue(e.SessionId, out var tally)) tally.Add(e);

        var byCourse = sessions.Values.GroupBy(s => s.Row.CourseId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Row.StartedAt).ToList());
        var orders = await connection.QueryAsync<OrderRow>(new CommandDefinition(OrdersSql, new { from = fromUtc, until }, cancellationToken: ct));
        foreach (var o in orders)
        {
            Tally? home = null;
            if (o.SessionId is { } sid) sessions.TryGetValue(sid, out home);
            else if (byCourse.TryGetValue(o.CourseId, out var shows))
                home = shows.LastOrDefault(s => s.Row.StartedAt <= o.PaidAt && o.PaidAt < s.Row.EndedAt.AddHours(24) && s.Watched(o.CustomerId));
            home?.AddOrder(o);
        }
        return sessions.Values.OrderBy(s => s.Row.StartedAt).ThenBy(s => s.Row.Id).Select(s => s.ToSlots()).ToList();
    }

    private sealed class SessionRow
    {
        public long Id { get; init; }
        public long CourseId { get; init; }
        public DateTime StartedAt { get; init; }
        public DateTime EndedAt { get; init; }
    }

    private sealed class EventRow
    {
        public long SessionId { get; init; }
        public long CustomerId { get; init; }
        public string Type { get; init; } = "";
        public DateTime OccurredAt { get; init; }
    }

    private sealed class OrderRow
    {
        public long CustomerId { get; init; }
        public long CourseId { get; init; }
        public long? SessionId { get; init; }
        public DateTime PaidAt { get; init; }
    }

    private sealed class Tally(SessionRow row)
    {
        private readonly int _slots = Math.Clamp((int)Math.Ceiling((row.EndedAt - row.StartedAt).TotalMinutes / SlotMinutes), 1, MaxSlots);
        private readonly Dictionary<long, ulong> _present = [];
        private readonly int[,] _counts = new int[MaxSlots, 6];
        private readonly int[] _orders = new int[MaxSlots];

        public SessionRow Row { get; } = row;

        public bool Watched(long customerId) => _present.ContainsKey(customerId);

        private int SlotOf(DateTime at) => Math.Clamp((int)((at - Row.StartedAt).TotalMinutes / SlotMinutes), 0, _slots - 1);

        public void Add(EventRow e)
        {
            if (e.OccurredAt < Row.StartedAt || e.OccurredAt > Row.EndedAt.AddMinutes(SlotMinutes)) return;
            var slot = SlotOf(e.OccurredAt);
            var kind = e.Type switch
            {
                "question" => 1, "poll_vote" => 2, "lottery_join" => 3, "coupon_claim" => 4, "chat" => 5, _ => 0,
            };
            if (kind == 0)
            {
                _present[e.CustomerId] = _present.GetValueOrDefault(e.CustomerId) | (1UL << slot);
                return;
            }
            _counts[slot, kind]++;
        }

        public void AddOrder(OrderRow o)
        {
            if (!_present.TryGetValue(o.CustomerId, out var mask) || mask == 0) return;
            // The last slot the buyer watched at or before paying; a buyer who paid after the show, their last slot.
            var upTo = o.PaidAt < Row.EndedAt ? SlotOf(o.PaidAt) : _slots - 1;
            var before = mask & (upTo >= 63 ? ulong.MaxValue : (1UL << (upTo + 1)) - 1);
            var slot = 63 - BitOperations.LeadingZeroCount(before != 0 ? before : mask);
            _orders[slot]++;
        }

        public SessionSlots ToSlots()
        {
            var viewers = new int[_slots];
            foreach (var mask in _present.Values)
                for (var s = 0; s < _slots; s++)
                    if ((mask & (1UL << s)) != 0) viewers[s]++;
            var slots = Enumerable.Range(0, _slots).Select(s => new InteractionSlot(Row.Id, s, viewers[s], _counts[s, 1], _counts[s, 2],
                _counts[s, 3], _counts[s, 4], _counts[s, 5], _orders[s])).ToList();
            return new SessionSlots(Row.Id, Row.StartedAt, _present.Count, slots);
        }
    }
}
