using Console.Domain.Data;

namespace Console.Domain.Sales;

/// <summary>The part of one business day before a cut, as UTC instants: [StartUtc, EndUtc).</summary>
public sealed record DayWindow(DateOnly Day, DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// A period that ends today holds today only until now, so the period it is compared with stops at the same time of
/// day on its last day. IntoDay is the time since the business day began; Clock is the business clock time it shows.
/// </summary>
public sealed record DayCut(TimeOnly Clock, TimeSpan IntoDay)
{
    /// <summary>The cut for a period ending today; null for a period of whole days, which compares whole days.</summary>
    public static DayCut? For(SalesPeriod period, BusinessTime time, DateTime nowUtc)
    {
        nowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var today = time.DayOf(nowUtc);
        if (period.To != today) return null;
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, time.Zone);
        return new(TimeOnly.FromDateTime(local), nowUtc - time.StartOfDayUtc(today));
    }

    /// <summary>The day from its start up to the same time into it, never past the day's own end.</summary>
    public DayWindow Window(DateOnly day, BusinessTime time)
    {
        var start = time.StartOfDayUtc(day);
        var next = time.StartOfDayUtc(day.AddDays(1));
        var end = start + IntoDay;
        return new(day, start, end < next ? end : next);
    }
}
