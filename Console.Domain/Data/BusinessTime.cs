namespace Console.Domain.Data;

/// <summary>Bound from "Business": dashboards cut days at midnight in this zone, not in UTC; money fields stop at MaxAmount.</summary>
public sealed class BusinessOptions
{
    public const string Section = "Business";
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public string Currency { get; set; } = "CNY";

    /// <summary>The largest amount any money field accepts, in the shop currency (MoneyBounds).</summary>
    public decimal MaxAmount { get; set; } = MoneyBounds.Ceiling;
}

public sealed class BusinessTime(BusinessOptions options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The UTC instant at which the given business day starts.</summary>
    public DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
