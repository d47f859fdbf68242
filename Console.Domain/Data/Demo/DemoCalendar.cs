namespace Console.Domain.Data.Demo;

/// <summary>Business-time arithmetic for the generators: the local hour decides how busy and how buying people are.</summary>
internal sealed class DemoCalendar(DemoPlan plan, TimeZoneInfo zone)
{
    // Relative activity per local hour: quiet nights, a lunch bump, the evening peak that live selling lives on.
    private static readonly double[] HourWeights =
        [0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.3, 0.6, 0.8, 0.9, 1.0, 1.0, 1.3, 1.2, 1.0, 1.0, 1.0, 1.1, 1.4, 1.9, 2.2, 2.2, 1.8, 0.9];

    public DateTime StartUtc { get; } = plan.StartUtc;
    public DateTime EndUtc { get; } = plan.EndUtc;
    public TimeZoneInfo Zone { get; } = zone;

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public DateTime ToUtc(DateTime local) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), DateTimeKind.Utc);

    /// <summary>Business days that overlap the plan, first to last.</summary>
    public IEnumerable<DateOnly> Days()
    {
        var last = DateOnly.FromDateTime(Local(EndUtc.AddTicks(-1)));
        for (var day = DateOnly.FromDateTime(Local(StartUtc)); day <= last; day = day.AddDays(1)) yield return day;
    }

    public static bool IsEvening(int localHour) => localHour is >= 19 and < 22;

    public static bool IsMorning(int localHour) => localHour is >= 6 and < 12;

    public static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A time in [from, to) following the daily rhythm (rejection sampling on the local hour).</summary>
    public DateTime ActiveTime(Random rng, DateTime from, DateTime to)
    {
        var span = (to - from).Ticks;
        if (span <= TimeSpan.TicksPerSecond) return DemoRandom.Seconds(from);
        var candidate = from;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            candidate = from.AddTicks((long)(rng.NextDouble() * span));
            if (rng.NextDouble() * 2.2 < HourWeights[Local(candidate).Hour]) break;
        }
        return DemoRandom.Seconds(candidate);
    }
}
