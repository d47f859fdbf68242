namespace Console.Domain.Data.Demo;

/// <summary>What to generate. The same plan always gives the same rows, whatever the wall clock says.</summary>
public sealed record DemoPlan(int Customers, int Days, int Seed, DateOnly EndDay)
{
    public const int DefaultCustomers = 20_000;
    public const int DefaultDays = 180;
    public const int DefaultSeed = 42;
    public const int MaxCustomers = 1_000_000;
    public const int MaxDays = 3_650;

    /// <summary>The default end day is today's UTC date; the only wall-clock read of the demo data.</summary>
    public static DateOnly DefaultEndDay(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Data stops at 00:00 UTC of the end day, so a plan ending today never holds a future row.</summary>
    public DateTime EndUtc => EndDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime StartUtc => EndUtc.AddDays(-Days);

    /// <summary>About 600 sessions at the default size, scaled with customers and days, never fewer than one a day.</summary>
    public int SessionCount =>
        Math.Max(Days, (int)Math.Round(600.0 * Days / DefaultDays * Customers / DefaultCustomers));

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Customers is < 1 or > MaxCustomers) errors.Add($"--customers must be from 1 to {MaxCustomers:N0}; got {Customers}.");
        if (Days is < 1 or > MaxDays) errors.Add($"--days must be from 1 to {MaxDays:N0}; got {Days}.");
        return errors;
    }
}
