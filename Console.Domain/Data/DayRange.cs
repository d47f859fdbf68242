namespace Console.Domain.Data;

/// <summary>Business days from From to To, both included; a missing end leaves that side open.</summary>
public sealed record DayRange(DateOnly? From = null, DateOnly? To = null)
{
    public static readonly DayRange All = new();

    /// <summary>The UTC instants the days cover in the business time zone: from the start of From until the start of the day after To.</summary>
    public (DateTime? FromUtc, DateTime? UntilUtc) Utc(BusinessTime time) =>
        (From is { } from ? time.StartOfDayUtc(from) : null, To is { } to ? time.StartOfDayUtc(to.AddDays(1)) : null);
}
