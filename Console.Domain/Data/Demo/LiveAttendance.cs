namespace Console.Domain.Data.Demo;

internal readonly record struct AttendanceOutcome(DateTime Join, double WatchMinutes, int Interactions, DateTime? ClaimedAt)
{
    public bool ClaimedCoupon => ClaimedAt is not null;
}

/// <summary>One customer watching one live session: watch heartbeats, chat, likes, polls, lottery, coupon pushes, maybe a purchase.</summary>
internal static class LiveAttendance
{
    private const int HeartbeatSeconds = 60;

    // Watch time per visit is log-normal, the usual heavy-tailed model of dwell times on pages and video: most viewers
    // drop in for a couple of minutes, a few stay for the whole show. The figures follow live-commerce operators' rules of
    // thumb for Douyin rooms (an average stay near one minute is ordinary for feed traffic, two to three minutes is
    // good; orders from 1-5 % of viewers): these viewers are the seller's own customers, so the median is 2.5 minutes
    // (scaled by the square root of a customer's engagement) with sigma 1.3, which leaves a third of visits past five
    // minutes. At the default size, 48 % of viewers count as engaged and 7 % buy (LiveFunnelTotals' definitions).
    private const double MedianWatchMinutes = 2.5;
    private const double WatchSigma = 1.3;

    public static AttendanceOutcome Watch(Random rng, DemoCustomer customer, DemoSession session, List<DemoEvent> events)
    {
        var length = (session.EndedAt - session.StartedAt).TotalMinutes;
        // Viewers arrive all through the show, as the platform's feed sends them in, not only at the start.
        var join = session.StartedAt.AddMinutes(length * 0.9 * rng.NextDouble());
        var remaining = (session.EndedAt - join).TotalMinutes;
        var drawn = Math.Exp(Math.Log(MedianWatchMinutes) + WatchSigma * rng.Normal()) * Math.Sqrt(customer.Engagement);
        var minutes = Math.Min(remaining, Math.Max(0.25, drawn));
        var leave = join.AddMinutes(minutes);
        int c = session.CourseId, s = session.Id;
        if (rng.Chance(0.3)) events.Add(new(DemoRandom.Seconds(join), DemoEventTypes.PageView, c, s, null));

        // Watch time arrives as heartbeats: each carries the seconds watched since the previous one.
        var left = (int)Math.Round(minutes * 60);
        for (var at = join; left > 0;)
        {
            var seconds = Math.Min(HeartbeatSeconds, left);
            at = at.AddSeconds(seconds);
            left -= seconds;
            events.Add(new(DemoRandom.Seconds(at), DemoEventTypes.Watch, c, s, seconds));
        }

        var tens = minutes / 10;
        var talk = Math.Sqrt(customer.Engagement);
        var interactions = 0;
        interactions += Scatter(rng, events, DemoEventTypes.Chat, rng.Poisson(0.25 * talk * tens), join, leave, c, s);
        interactions += Scatter(rng, events, DemoEventTypes.Question, rng.Poisson(0.06 * talk * tens), join, leave, c, s);
        interactions += Scatter(rng, events, DemoEventTypes.Share, rng.Poisson(0.03 * tens), join, leave, c, s);
        Scatter(rng, events, DemoEventTypes.Like, rng.Poisson(0.6 * tens), join, leave, c, s);

        for (var poll = 1; poll <= session.Polls; poll++)
        {
            var at = session.StartedAt.AddMinutes(length * poll / (session.Polls + 1));
            if (at < join || at >= leave || !rng.Chance(0.35)) continue;
            events.Add(new(DemoRandom.Seconds(at.AddSeconds(rng.Next(5, 90))), DemoEventTypes.PollVote, c, s, rng.Next(1, 5)));
            interactions++;
        }
        var lotteryAt = session.StartedAt.AddMinutes(length * 0.7);
        if (session.Lottery && lotteryAt >= join && lotteryAt < leave && rng.Chance(0.5))
        {
            events.Add(new(DemoRandom.Seconds(lotteryAt.AddSeconds(rng.Next(5, 60))), DemoEventTypes.LotteryJoin, c, s, null));
            interactions++;
        }
        // The room's coupon is pushed three times a show; a viewer present at a push claims it at most once.
        DateTime? claimedAt = null;
        for (var push = 1; push <= 3 && session.CouponFen > 0 && claimedAt is null; push++)
        {
            var pushAt = session.StartedAt.AddMinutes(length * push / 4);
            if (pushAt < join || pushAt >= leave || !rng.Chance(0.4)) continue;
            claimedAt = DemoRandom.Seconds(pushAt.AddSeconds(rng.Next(5, 120)));
            events.Add(new(claimedAt.Value, DemoEventTypes.CouponClaim, c, s, null, session.CouponCampaignId));
            interactions++;
        }
        return new AttendanceOutcome(join, minutes, interactions, claimedAt);
    }

    // The watch time at which watching neither raises nor lowers the odds of buying.
    private const double ReferenceMinutes = 8;

    /// <summary>Buys in the room with odds that rise with watch time, interactions and the session's slot.</summary>
    public static bool Buys(Random rng, DemoCustomer customer, DemoSession session, AttendanceOutcome outcome)
    {
        var course = DemoCatalogue.Course(session.CourseId);
        var logit = -3.4
            + 0.9 * Math.Log(outcome.WatchMinutes / ReferenceMinutes)
            + 0.22 * Math.Min(outcome.Interactions, 10)
            + (outcome.ClaimedCoupon ? 0.7 : 0.0)
            + session.Lift
            + 0.8 * customer.Intent
            + 0.4 * Math.Log(customer.Affinity(course.Category))
            - 0.3 * Math.Log(course.ListPrice / 50_000.0);
        return rng.Chance(DemoRandom.Sigmoid(logit));
    }

    private static int Scatter(Random rng, List<DemoEvent> events, string type, int count, DateTime from, DateTime to, int course, int session)
    {
        var span = (to - from).TotalSeconds;
        for (var i = 0; i < count; i++)
            events.Add(new(DemoRandom.Seconds(from.AddSeconds(span * rng.NextDouble())), type, course, session, null));
        return count;
    }
}
