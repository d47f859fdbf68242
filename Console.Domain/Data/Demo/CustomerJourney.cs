namespace Console.Domain.Data.Demo;

/// <summary>Everything one customer does over the period, in time order: live sessions, shop visits, purchases, refunds.</summary>
internal sealed class CustomerJourney(DemoPlan plan, DemoCalendar calendar, IReadOnlyList<DemoSession> sessions)
{
    private const int Stream = 3;
    private const double AttendancesPerDay = 0.03;
    private const double VisitsPerDay = 0.08;
    private const double PairFollowUp = 0.35;

    public void Run(DemoCustomer customer, List<DemoEvent> events, List<DemoOrder> orders, int[] viewers)
    {
        var rng = DemoRandom.For(plan.Seed, Stream, customer.Id);
        var from = customer.CreatedAt > calendar.StartUtc ? customer.CreatedAt : calendar.StartUtc;
        var days = (calendar.EndUtc - from).TotalDays;
        var plans = new List<(DateTime At, DemoSession? Session)>();
        foreach (var session in PickSessions(rng, customer, from, rng.Poisson(AttendancesPerDay * customer.Engagement * days)))
            plans.Add((session.StartedAt, session));
        var visits = rng.Poisson(VisitsPerDay * (0.4 + 0.6 * customer.Engagement) * Math.Exp(0.3 * customer.Intent) * days);
        for (var i = 0; i < visits; i++) plans.Add((calendar.ActiveTime(rng, from, calendar.EndUtc), null));
        plans.Sort((a, b) => a.At.CompareTo(b.At));

        var owned = new bool[DemoCatalogue.Courses.Count + 1];
        var watched = 0.0;
        var lastLiveCourse = 0;
        foreach (var (at, session) in plans)
        {
            if (session is not null)
            {
                viewers[session.Id]++;
                var outcome = LiveAttendance.Watch(rng, customer, session, events);
                watched += outcome.WatchMinutes;
                lastLiveCourse = session.CourseId;
                if (owned[session.CourseId] || !LiveAttendance.Buys(rng, customer, session, outcome)) continue;
                var paidAt = DemoRandom.Seconds(outcome.Join.AddMinutes(outcome.WatchMinutes * rng.Uniform(0.4, 0.95)));
                // A claimed coupon is spent after it was claimed.
                if (outcome.ClaimedAt is { } claimedAt && paidAt <= claimedAt) paidAt = claimedAt.AddSeconds(rng.Next(20, 180));
                var course = DemoCatalogue.Course(session.CourseId);
                var discount = outcome.ClaimedCoupon ? session.CouponFen : 0;
                Buy(rng, customer, new DemoOrder(customer.Id, course.Id, session.Id, DemoVocabulary.LiveRoom, session.ReferralCode,
                    course.ListPrice, discount, outcome.ClaimedCoupon ? session.CouponCode : null, paidAt), outcome.Join, owned, events, orders);
                continue;
            }
            var channel = StorefrontVisit.Channel(rng, customer);
            var visited = StorefrontVisit.Course(rng, customer, lastLiveCourse);
            var end = StorefrontVisit.Browse(rng, at, visited, events);
            if (owned[visited.Id] || !StorefrontVisit.Buys(rng, customer, visited, channel, watched))
            {
                if (!owned[visited.Id] && rng.Chance(0.12))
                    events.Add(new(end.AddSeconds(rng.Next(10, 120)), DemoEventTypes.AddToCart, visited.Id, 0, null));
                continue;
            }
            Buy(rng, customer, new DemoOrder(customer.Id, visited.Id, 0, channel, StorefrontVisit.Referral(rng, customer, channel),
                visited.ListPrice, 0, null, end.AddSeconds(rng.Next(60, 600))), end, owned, events, orders);
        }
        // A visit late on the last evening may run past the end; the period is a hard edge.
        events.RemoveAll(e => e.At >= calendar.EndUtc);
    }

    /// <summary>Records the order with its add-to-cart (never before <paramref name="browsedAt"/>), a possible refund and pair follow-up.</summary>
    private void Buy(Random rng, DemoCustomer customer, DemoOrder order, DateTime browsedAt, bool[] owned, List<DemoEvent> events, List<DemoOrder> orders)
    {
        if (order.PaidAt >= calendar.EndUtc) return;
        owned[order.CourseId] = true;
        var cartAt = order.PaidAt.AddSeconds(-rng.Next(30, 240));
        events.Add(new(cartAt < browsedAt ? browsedAt : cartAt, DemoEventTypes.AddToCart, order.CourseId, order.SessionId, null));
        orders.Add(DemoRefunds.Maybe(rng, calendar, order));

        // Courses that belong together: the partner often follows within minutes or within a few days.
        var partner = DemoCatalogue.PartnerOf(order.CourseId);
        if (partner == 0 || owned[partner] || !rng.Chance(PairFollowUp)) return;
        var later = rng.Chance(0.5) ? TimeSpan.FromMinutes(rng.Uniform(2, 15)) : TimeSpan.FromDays(rng.Exponential(4));
        var at = DemoRandom.Seconds(order.PaidAt + later);
        if (at >= calendar.EndUtc) return;
        var course = DemoCatalogue.Course(partner);
        var channel = order.Channel == DemoVocabulary.LiveRoom ? DemoVocabulary.Storefront : order.Channel;
        var viewedAt = at.AddSeconds(-rng.Next(60, 300));
        if (viewedAt < order.PaidAt) viewedAt = order.PaidAt;
        events.Add(new(viewedAt, DemoEventTypes.PageView, partner, 0, null));
        Buy(rng, customer, new DemoOrder(customer.Id, partner, 0, channel, StorefrontVisit.Referral(rng, customer, channel),
            course.ListPrice, 0, null, at), viewedAt, owned, events, orders);
    }

    /// <summary>Sessions after the customer joined, by their pull and the customer's taste, each at most once.</summary>
    private IEnumerable<DemoSession> PickSessions(Random rng, DemoCustomer customer, DateTime from, int count)
    {
        if (count == 0) return [];
        var first = 0;
        while (first < sessions.Count && sessions[first].StartedAt < from) first++;
        if (first == sessions.Count) return [];
        var cumulative = new double[sessions.Count - first];
        var total = 0.0;
        for (var i = first; i < sessions.Count; i++)
            cumulative[i - first] = total += sessions[i].Draw * customer.Affinity(DemoCatalogue.Course(sessions[i].CourseId).Category);
        var picked = new SortedSet<int>();
        for (var i = 0; i < count * 2 && picked.Count < Math.Min(count, cumulative.Length); i++)
        {
            var index = Array.BinarySearch(cumulative, rng.NextDouble() * total);
            picked.Add(first + (index < 0 ? ~index : index));
        }
        return picked.Select(i => sessions[i]);
    }
}
