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
