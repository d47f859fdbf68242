using System.Globalization;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Web.Ui;
using MudBlazor;

namespace Console.Web.Components.Shared;

/// <summary>Promotion figures as text: money with the shop currency's symbol (¥1,299.00), shares, business-time dates.</summary>
public sealed class PromoFormat(CultureInfo culture, string currency, TimeZoneInfo zone)
{
    private readonly NumberFormatInfo _money = ShopMoney.Format(culture, currency);

    public TimeZoneInfo Zone => zone;

    /// <summary>Chart numbers in the shop currency: round ticks, full values on hover.</summary>
    public ChartFormat MoneyChart => ChartFormat.Money(culture, _money);

    public string Money(long fen) => ShopMoney.Text(fen, _money);

    public string Money(long? fen) => fen is { } f ? Money(f) : "—";

    public string Count(long value) => value.ToString("N0", culture);

    public string Percent(double share) => share.ToString("0.0%", culture);

    public string Local(DateTime? utc) => utc is { } u ? TimeZoneInfo.ConvertTimeFromUtc(u, zone).ToString("yyyy-MM-dd HH:mm", culture) : "—";

    /// <summary>A start as entered: a date alone when it begins at midnight, with its time otherwise.</summary>
    public string Start(DateTime? utc) => utc is { } u ? Moment(ToLocal(u), endOfDay: false) : "—";

    /// <summary>
    /// An end as entered. A date-only end is stored as the next midnight (ends are exclusive), so midnight reads as the
    /// day before: "31 Dec 2026", never "2027-01-01 00:00".
    /// </summary>
    public string End(DateTime? utc) => utc is { } u ? Moment(ToLocal(u), endOfDay: true) : "—";

    /// <summary>A campaign's window in words: "1 Dec 2026 to 31 Dec 2026", "to 31 Dec 2026", "from 1 Dec 2026" or "no end".</summary>
    public string Window(DateTime? startUtc, DateTime? endUtc, Microsoft.Extensions.Localization.IStringLocalizer words) =>
        (startUtc, endUtc) switch
        {
            (null, null) => words["Window.Open"],
            (null, _) => words["Window.Until", End(endUtc)],
            (_, null) => words["Window.From", Start(startUtc)],
            _ => words["Window.Between", Start(startUtc), End(endUtc)],
        };

    private DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private string Moment(DateTime local, bool endOfDay)
    {
        var chinese = culture.TwoLetterISOLanguageName == "zh";
        if (local.TimeOfDay != TimeSpan.Zero) return local.ToString(chinese ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm", culture);
        var day = endOfDay ? local.AddDays(-1) : local;
        return day.ToString(chinese ? "yyyy年M月d日" : "d MMM yyyy", culture);
    }

    public string ShortDay(DateOnly day) => day.ToString(culture.TwoLetterISOLanguageName == "zh" ? "M/d" : "MMM d", culture);

    /// <summary>A coupon's value as people read it: "15%", "¥20.00 off" or "¥9.90", the off/price words from the caller.</summary>
    public string CouponValue(string kind, long value) => kind == CouponKinds.PercentOff
        ? (value / 100m).ToString("0.##", culture) + "%"
        : Money(value);

    public static Color StatusColor(string status) => status switch
    {
        CampaignStatus.Active => Color.Success,
        CampaignStatus.Paused => Color.Warning,
        CampaignStatus.Ended => Color.Default,
        _ => Color.Info,
    };

    public static PromoFormat Create(BusinessOptions business, BusinessTime time) =>
        new(CultureInfo.CurrentCulture, business.Currency, time.Zone);
}
