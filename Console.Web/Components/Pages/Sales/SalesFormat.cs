using System.Globalization;
using Console.Domain.Sales;
using Console.Web.Ui;

namespace Console.Web.Components.Pages.Sales;

/// <summary>Dashboard numbers as text in the reader's culture: money with the shop currency's symbol, counts, shares, deltas.</summary>
public sealed class SalesFormat(CultureInfo culture, string currency = "CNY")
{
    public const string NoComparison = "—";

    private readonly NumberFormatInfo _money = ShopMoney.Format(culture, currency);

    public CultureInfo Culture => culture;

    /// <summary>¥1,299.00 (and -¥1,299.00) in both languages.</summary>
    public string Money(long fen) => ShopMoney.Text(fen, _money);

    public string Count(long value) => value.ToString("N0", culture);

    /// <summary>A share 0..1 as a percentage with one decimal: 0.1234 → 12.3%.</summary>
    public string Percent(double share) => share.ToString("0.0%", culture);

    /// <summary>▲ 12.3% / ▼ 4.0% / 0.0%, or "—" when the previous period had nothing to compare with.</summary>
    public string Delta(KpiDelta delta) => delta.Percent switch
    {
        null => NoComparison,
        var p => delta.Direction switch
        {
            DeltaDirection.Up => "▲ " + Percent(Math.Abs(p.Value)),
            DeltaDirection.Down => "▼ " + Percent(Math.Abs(p.Value)),
            _ => Percent(0),
        },
    };

    public string Day(DateOnly day) => day.ToString("d", culture);

    /// <summary>Short axis label: month and day in the reader's order.</summary>
    public string ShortDay(DateOnly day) => day.ToString(culture.TwoLetterISOLanguageName == "zh" ? "M/d" : "MMM d", culture);
}
