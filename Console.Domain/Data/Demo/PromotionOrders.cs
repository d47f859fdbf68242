using Console.Domain.Coupons;

namespace Console.Domain.Data.Demo;

/// <summary>
/// The orders that ran through the demo's promotions: coupon redemptions within each campaign's window, and group-buy
/// teams that filled, failed (their orders refund_due, most refunded later) or are still open at the demo's end.
/// </summary>
internal sealed class PromotionOrders(DemoPlan plan, DemoCalendar calendar, IReadOnlyList<DemoCustomer> customers)
{
    private const int CouponStream = 11;
    private const int GroupBuyStream = 12;
    private const double FailedRefundedShare = 0.6;
    private static readonly string[] Channels = [DemoVocabulary.Storefront, DemoVocabulary.WechatMini, DemoVocabulary.App];

    // Windows shrink with a short demo so they still fall inside it; uses grow with the customers.
    private readonly double _span = Math.Min(1.0, plan.Days / 45.0);

    /// <summary>A target at the default size, scaled to this plan; at least two, so every campaign shows results.</summary>
    public int Count(int target) =>
        target == 0 ? 0 : Math.Max(2, (int)Math.Round(target * _span * plan.Customers / DemoPlan.DefaultCustomers));

    /// <summary>Days before the end are scaled with the plan; days after it are as written.</summary>
    public DateTime At(int day) => day <= 0 ? DemoRandom.Seconds(calendar.EndUtc.AddDays(day * _span)) : calendar.EndUtc.AddDays(day);

    /// <summary>Adds the coupon campaigns' orders; returns every code of those campaigns, unique codes marked used or not.</summary>
    public List<DemoCode> Coupons(List<DemoOrder> orders)
    {
        var codes = new List<DemoCode>();
        foreach (var c in DemoPromotions.Coupons)
        {
            var rng = DemoRandom.For(plan.Seed, CouponStream, c.Id);
            var uses = Count(c.Target);
            var first = codes.Count;
            var nextId = DemoCoupons.LiveRoom.Count + 1 + codes.Count;
            if (c.UniqueCodes > 0)
                foreach (var code in UniqueCodes(rng, Math.Max(Count(c.UniqueCodes), uses + 2))) codes.Add(new(nextId++, code, c.Id, true, 0));
            else
                codes.Add(new(nextId, c.Code!, c.Id, false, 0));
            var eligible = DemoCatalogue.Courses
                .Where(k => (c.Category is not { } cat || k.Category == cat) && (c.Courses is null || c.Courses.Contains(k.Id))
                    && k.ListPrice >= (c.MinSpend ?? 0) && (c.Kind != DemoPromotions.FixedPrice || k.ListPrice > c.Value))
                .ToList();
            var weights = eligible.Select(k => k.Appeal).ToArray();
            var from = At(c.FromDay);
            var to = At(c.ToDay) < calendar.EndUtc ? At(c.ToDay) : calendar.EndUtc;
            var taken = new HashSet<int>();
            for (var i = 0; i < uses && from < to; i++)
            {
                var paidAt = calendar.ActiveTime(rng, from, to);
                if (Customer(rng, paidAt, taken) is not { } customer) continue;
                var course = eligible[rng.Weighted(weights)];
                var index = c.UniqueCodes > 0 ? first + i : first;
                var code = codes[index];
                if (code.Unique) codes[index] = code with { Uses = 1 };
                var order = new DemoOrder(customer.Id, course.Id, 0, rng.Pick(Channels), null, course.ListPrice,
                    Discount(c, course.ListPrice), code.Code, paidAt) { CampaignId = c.Id, CodeId = code.Id };
                orders.Add(DemoRefunds.Maybe(rng, calendar, order));
            }
        }
        return codes;
    }

    /// <summary>Adds the group-buy orders; returns the teams in id order.</summary>
    public List<DemoTeam> GroupBuys(List<DemoOrder> orders)
    {
        var teams = new List<DemoTeam>();
        foreach (var g in DemoPromotions.GroupBuys)
        {
            var rng = DemoRandom.For(plan.Seed, GroupBuyStream, g.Id);
            var course = DemoCatalogue.Course(g.CourseId);
            var window = TimeSpan.FromMinutes(g.WindowMinutes);
            var from = At(g.FromDay);
            // Closed teams opened early enough to have closed before the end; too short a demo has none.
            var lastOpen = calendar.EndUtc - window - TimeSpan.FromHours(1);
            var closed = lastOpen > from ? Math.Max(4, Count(g.Target)) : 0;
            var open = Math.Max(1, closed / 10);
            for (var i = 0; i < closed + open; i++)
            {
                var stillOpen = i >= closed;
                // Open teams expire in the hours after the demo's end, so the board has teams about to close.
                var openedAt = stillOpen
                    ? DemoRandom.Seconds(calendar.EndUtc.AddHours(rng.Uniform(1, 12)) - window)
                    : calendar.ActiveTime(rng, from, lastOpen);
                // The first three closed teams show each outcome: filled, failed and refunded, failed and still owed.
                var filled = !stillOpen && (i == 0 || (i > 2 && rng.Chance(g.FillOdds)));
                var seats = filled ? g.TeamSize : rng.Next(1, g.TeamSize);
                var latest = stillOpen ? (calendar.EndUtc - openedAt) / window : 0.9;
                var joins = new List<DateTime> { openedAt };
                for (var s = 1; s < seats; s++) joins.Add(DemoRandom.Seconds(openedAt + window * rng.Uniform(0.01, latest)));
                joins.Sort();
                var members = new List<DemoCustomer>();
                var taken = new HashSet<int>();
                while (members.Count < seats && Customer(rng, openedAt, taken) is { } member) members.Add(member);
                if (members.Count < seats) continue;

                var state = stillOpen ? "open" : filled ? "succeeded" : "failed";
                var expiresAt = openedAt + window;
                DateTime? closedAt = filled ? joins[^1] : stillOpen ? null : expiresAt;
                var team = new DemoTeam(teams.Count + 1, g.Id, members[0].Id, state, g.TeamSize, seats, openedAt, expiresAt, closedAt);
                teams.Add(team);
                for (var m = 0; m < seats; m++)
                {
                    var order = new DemoOrder(members[m].Id, course.Id, 0, DemoVocabulary.WechatMini, null, course.ListPrice,
                        course.ListPrice - g.GroupPrice, null, joins[m])
                    {
                        GroupBuyId = g.Id, TeamId = team.Id, Leader = m == 0,
                        Held = state switch { "open" => "awaiting_group", "failed" => "refund_due", _ => null },
                    };
                    orders.Add(state switch
                    {
                        "succeeded" => DemoRefunds.Maybe(rng, calendar, order),
                        "failed" => i == 2 ? order : RefundFailed(rng, order, expiresAt, always: i == 1),
                        _ => order,
                    });
                }
            }
        }
        return teams;
    }

    /// <summary>Support refunds most failed teams' orders within a day and a half; the rest are still owed at the end.</summary>
    private DemoOrder RefundFailed(Random rng, DemoOrder order, DateTime failedAt, bool always)
    {
        if (!rng.Chance(FailedRefundedShare) && !always) return order;
        var at = DemoRandom.Seconds(failedAt.AddHours(rng.Uniform(1, 36)));
        return at >= calendar.EndUtc ? order
            : order with { Refunded = order.Payable, RefundedAt = at, RefundReason = DemoPromotions.TeamNotFilled };
    }

    /// <summary>A customer who had registered before <paramref name="at"/> and is not yet in <paramref name="taken"/>; null if none turns up.</summary>
    private DemoCustomer? Customer(Random rng, DateTime at, HashSet<int> taken)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var c = customers[rng.Next(customers.Count)];
            if (c.CreatedAt < at && taken.Add(c.Id)) return c;
        }
        return null;
    }

    /// <summary>Percentages round half up to the fen and stop at the cap; a fixed price takes off whatever is above it.</summary>
    private static long Discount(DemoCampaign c, long listPrice) => c.Kind switch
    {
        DemoPromotions.PercentOff => Math.Min(c.MaxDiscount ?? long.MaxValue,
            (long)Math.Round(listPrice * (decimal)c.Value / 10_000m, MidpointRounding.AwayFromZero)),
        DemoPromotions.FixedPrice => listPrice - c.Value,
        _ => c.Value,
    };

    /// <summary>Codes in the console's own alphabet and length, distinct within the campaign.</summary>
    private static List<string> UniqueCodes(Random rng, int count)
    {
        const string alphabet = CouponCodeGenerator.Alphabet;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>(count);
        var buffer = new char[CouponCodeGenerator.Length];
        while (ordered.Count < count)
        {
            for (var i = 0; i < buffer.Length; i++) buffer[i] = alphabet[rng.Next(alphabet.Length)];
            var code = new string(buffer);
            if (codes.Add(code)) ordered.Add(code);
        }
        return ordered;
    }
}
