using Console.Domain.Data;

namespace Console.Domain.Sales;

public enum PeriodPreset { Today, Last7Days, Last30Days, Last90Days, Custom }

/// <summary>A range of whole business days, both ends included.</summary>
public sealed record SalesPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The longest custom range: two years keeps a daily chart readable and the rollup reads small.</summary>
    public const int MaxDays = 731;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length that ends the day before this one starts.</summary>
    public SalesPeriod Previous => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>A preset ending today (inclusive): "Last 7 days" is today and the six days before.</summary>
    public static SalesPeriod For(PeriodPreset preset, DateOnly today) => preset switch
    {
        PeriodPreset.Today => new(today, today),
        PeriodPreset.Last7Days => Ending(today, 7),
        PeriodPreset.Last30Days => Ending(today, 30),
        PeriodPreset.Last90Days => Ending(today, 90),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "A custom period needs its own dates."),
    };

    /// <summary>A custom range in either order, clipped to <see cref="MaxDays"/> days ending at the later date.</summary>
    public static SalesPeriod Custom(DateOnly a, DateOnly b)
    {
        var (from, to) = a <= b ? (a, b) : (b, a);
        return to.DayNumber - from.DayNumber + 1 > MaxDays ? Ending(to, MaxDays) : new(from, to);
    }

    /// <summary>Today in the business time zone.</summary>
    public static DateOnly Today(BusinessTime time, TimeProvider clock) => time.DayOf(clock.GetUtcNow().UtcDateTime);

    private static SalesPeriod Ending(DateOnly to, int days) => new(to.AddDays(1 - days), to);
}
