namespace Console.Domain.Data.Demo;

internal readonly record struct AttendanceOutcome(DateTime Join, double WatchMinutes, int Interactions, bool ClaimedCoupon);

/// <summary>One customer watching one live session: watch heartbeats, chat, likes, polls, lottery, coupon pushes, maybe a purchase.</summary>
internal static class LiveAttendance
{
    private const int HeartbeatSeconds = 300;

    public static AttendanceOutcome Watch(Random rng, DemoCustomer customer, DemoSession session, List<DemoEvent> events)
    {
        var length = (session.EndedAt - session.StartedAt).TotalMinutes;
        var join = session.StartedAt.AddMinutes(length * 0.35 * rng.NextDouble());
        var remaining = (session.EndedAt - join).TotalMinutes;
        var minutes = Math.Min(remaining, Math.Exp(Math.Log(16) + 0.8 * rng.Normal()) * Math.Sqrt(customer.Engagement) + 1);
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
        interactions += Scatter(rng, events, DemoEventTypes.Chat, rng.Poisson(0.5 * talk * tens), join, leave, c, s);
        interactions += Scatter(rng, events, DemoEventTypes.Question, rng.Poisson(0.12 * talk * tens), join, leave, c, s);
        interactions += Scatter(rng, events, DemoEventTypes.Share, rng.Poisson(0.03 * tens), join, leave, c, s);
        Scatter(rng, events, DemoEventTypes.Like, rng.Poisson(1.0 * tens), join, leave, c, s);

        for (var poll = 1; poll <= session.Polls; poll++)
        {
            var at = session.StartedAt.AddMinutes(length * poll / (session.Polls + 1));
            if (at < join || at >= leave || !rng.Chance(0.6)) continue;
            events.Add(new(DemoRandom.Seconds(at.AddSeconds(rng.Next(5, 90))), DemoEventTypes.PollVote, c, s, rng.Next(1, 5)));
            interactions++;
        }
        var lotteryAt = session.StartedAt.AddMinutes(length * 0.7);
        if (session.Lottery && lotteryAt >= join && lotteryAt < leave && rng.Chance(0.5))
        {
            events.Add(new(DemoRandom.Seconds(lotteryAt.AddSeconds(rng.Next(5, 60))), DemoEventTypes.LotteryJoin, c, s, null));
            interactions++;
        }
        var pushAt = session.StartedAt.AddMinutes(length * 0.5);
        var claimed = session.CouponFen > 0 && pushAt >= join && pushAt < leave && rng.Chance(0.4);
        if (claimed)
        {
            events.Add(new(DemoRandom.Seconds(pushAt.AddSeconds(rng.Next(5, 120))), DemoEventTypes.CouponClaim, c, s, null));
            interactions++;
        }
        return new AttendanceOutcome(join, minutes, interactions, claimed);
    }

    /// <summary>Buys in the room with odds that rise with watch time, interactions and the session's slot.</summary>
    public static bool Buys(Random rng, DemoCustomer customer, DemoSession session, AttendanceOutcome outcome)
    {
        var course = DemoCatalogue.Course(session.CourseId);
        var logit = -3.4
            + 0.9 * Math.Log(outcome.WatchMinutes / 20)
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
