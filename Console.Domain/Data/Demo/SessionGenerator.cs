namespace Console.Domain.Data.Demo;

/// <summary>A live session row plus what happens in it: its pull on viewers, its sales lift, its polls and pushes.</summary>
internal sealed record DemoSession(
    int Id, int CourseId, string Title, string Platform, string Host, int Kol, DateTime ScheduledAt, DateTime StartedAt,
    DateTime EndedAt, double Draw, double Lift, int Polls, bool Lottery, long CouponFen)
{
    public string ExternalId => $"demo-l-{Id:D5}";
    public string? CouponCode => DemoCoupons.OfFen(CouponFen)?.Code;
    public int CouponCampaignId => DemoCoupons.OfFen(CouponFen)?.Id ?? 0;
    public string? ReferralCode => Kol >= 0 ? DemoVocabulary.Kols[Kol].ReferralCode : null;
}

/// <summary>Sessions spread over the period; most start in the evening, when viewers come and buy.</summary>
internal static class SessionGenerator
{
    private const int Stream = 2;

    // Local start times (hour, minute) and how often each slot is booked.
    private static readonly (int Hour, int Minute)[] Slots = [(10, 0), (12, 30), (15, 0), (19, 0), (20, 0), (21, 0), (22, 30)];
    private static readonly double[] SlotWeights = [12, 8, 12, 20, 24, 16, 8];

    private static readonly string[] TitleFormats = ["{0} · 直播公开课", "{0} · Live Q&A", "{0} · 限时优惠专场", "{0} · 学员答疑夜", "{0} · Open Class"];

    public static IReadOnlyList<DemoSession> Create(DemoPlan plan, DemoCalendar calendar)
    {
        var rng = DemoRandom.For(plan.Seed, Stream, 0);
        var days = calendar.Days().ToList();
        var appeal = DemoCatalogue.Courses.Select(c => c.Appeal).ToArray();
        var sessions = new List<DemoSession>(plan.SessionCount);
        while (sessions.Count < plan.SessionCount)
        {
            var day = days[rng.Next(days.Count)];
            var (hour, minute) = Slots[rng.Weighted(SlotWeights)];
            var scheduled = DemoRandom.Seconds(calendar.ToUtc(day.ToDateTime(new TimeOnly(hour, minute))));
            var started = scheduled.AddSeconds(rng.Next(0, 300));
            var ended = started.AddMinutes(rng.Next(60, 151));
            if (started < calendar.StartUtc || ended >= calendar.EndUtc) continue;
            var course = DemoCatalogue.Courses[rng.Weighted(appeal)];
            var kol = rng.Chance(0.25) ? rng.Weighted(DemoVocabulary.KolWeights) : -1;
            var evening = DemoCalendar.IsEvening(hour);
            var weekend = DemoCalendar.IsWeekend(day.DayOfWeek);
            var draw = course.Appeal * (evening ? 1.8 : 1.0) * (weekend ? 1.3 : 1.0) * (kol >= 0 ? 1.4 : 1.0);
            // Log-odds added to a viewer's chance of buying: the evening and weekend audience is there to buy.
            var lift = (evening ? 0.8 : 0.0) + (weekend ? 0.45 : 0.0) + (DemoCalendar.IsMorning(hour) ? -0.5 : 0.0) + 0.25 * rng.Normal();
            var coupon = rng.Chance(0.45) ? DemoCoupons.ForPrice(course.ListPrice, rng.Chance(0.5)).Fen : 0L;
            sessions.Add(new DemoSession(0, course.Id, string.Format(rng.Pick(TitleFormats), course.Title),
                DemoVocabulary.Platforms[rng.Weighted(DemoVocabulary.PlatformWeights)],
                kol >= 0 ? DemoVocabulary.Kols[kol].Name : course.Lecturer, kol, scheduled, started, ended,
                draw, lift, rng.Next(0, 4), rng.Chance(0.4), coupon));
        }
        // Ids follow start time, so later sessions have larger ids as they would on a real platform.
        return sessions.OrderBy(s => s.StartedAt).ThenBy(s => s.CourseId)
            .Select((s, i) => s with { Id = i + 1 }).ToList();
    }
}
