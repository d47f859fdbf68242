using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Sales;

namespace Console.Domain.Reports;

/// <summary>
/// Figures as text the way the console's pages write them (the sales dashboard's SalesFormat): ¥1,299.00 with the shop
/// currency's sign first in both languages, counts with separators, shares with one decimal, deltas with ▲ and ▼.
/// </summary>
public sealed class ReportFormat
{
    public const string NoComparison = "—";

    private readonly NumberFormatInfo _money;

    public ReportFormat(CultureInfo culture, string currency)
    {
        Culture = culture;
        _money = (NumberFormatInfo)culture.NumberFormat.Clone();
        var symbol = Symbol(currency);
        _money.CurrencySymbol = symbol.All(char.IsAsciiLetter) ? symbol + " " : symbol;
        _money.CurrencyPositivePattern = 0;
        _money.CurrencyNegativePattern = 1;
        _money.CurrencyDecimalDigits = 2;
    }

    public CultureInfo Culture { get; }

    public string Money(long fen) => Data.Money.ToDecimal(fen).ToString("C2", _money);

    /// <summary>A chart tick: whole currency units, no decimals (¥2,000).</summary>
    public string MoneyTick(double fen) => Math.Round(fen / 100).ToString("C0", _money);

    public string Count(long value) => value.ToString("N0", Culture);

    public string Percent(double share) => share.ToString("0.0%", Culture);

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

    public string Day(DateOnly day) => day.ToString("d", Culture);

    public string ShortDay(DateOnly day) => day.ToString(Culture.TwoLetterISOLanguageName == "zh" ? "M/d" : "MMM d", Culture);

    /// <summary>The currency's sign as the console shows it, or its ISO code when it has none here.</summary>
    public static string Symbol(string currency) => currency.ToUpperInvariant() switch
    {
        "CNY" or "JPY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "HKD" => "HK$",
        var code => code,
    };
}
