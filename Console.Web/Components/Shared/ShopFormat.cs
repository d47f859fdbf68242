using System.Globalization;
using Console.Web.Ui;

namespace Console.Web.Components.Shared;

/// <summary>Money and times as the customer, course and live session pages show them.</summary>
public static class ShopFormat
{
    /// <summary>Fen with the currency's symbol and two decimals, e.g. ¥1,299.00.</summary>
    public static string Money(long fen, string currency) => ShopMoney.Text(fen, ShopMoney.Format(CultureInfo.InvariantCulture, currency));

    /// <summary>A UTC time in the business time zone.</summary>
    public static string Local(DateTime? utc, TimeZoneInfo zone, string format = "yyyy-MM-dd HH:mm") =>
        utc is { } t ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), zone).ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>A count with thousands separators, e.g. 12,480.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
