using Console.Domain.Data;

namespace Console.Domain.Partners;

/// <summary>Months as the business counts them: tiers and month-to-date figures cut at midnight in the business time zone.</summary>
public static class BusinessMonth
{
    public static string Of(BusinessTime time, DateTime utc) => time.DayOf(utc).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTime StartUtc(BusinessTime time, string month) =>
        time.StartOfDayUtc(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public static DateTime EndUtc(BusinessTime time, string month) =>
        time.StartOfDayUtc(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1));
}
