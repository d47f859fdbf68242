using System.Globalization;

namespace Console.Domain.Sales;

/// <summary>
/// Figures as text in the reader's culture, the one way the console's pages and its PDF reports write them: money with
/// the shop currency's sign first in both languages (¥1,299.00), counts with separators, shares with one decimal,
/// deltas with ▲ and ▼, days in the reader's order.
/// </summary>
public sealed class SalesFormat(CultureInfo culture, string currency = "CNY")
{
    public const string NoComparison = "—";

    public CultureInfo Culture => culture;

    /// <summary>The culture's digits and separators with the shop currency's sign; charts format with it too.</summary>
    public NumberFormatInfo MoneyFormat { get; } = MoneyFormatOf(culture, currency);

    /// <summary>¥1,299.00 (and -¥1,299.00) in both languages.</summary>
    public string Money(long fen) => Data.Money.ToDecimal(fen).ToString("C2", MoneyFormat);

    /// <summary>A chart tick: whole currency units, no decimals (¥2,000).</summary>
    public string MoneyTick(double fen) => Math.Round(fen / 100).ToString("C0", MoneyFormat);

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

    /// <summary>A business clock time, the same in both languages: 11:00.</summary>
    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The currency's sign, or its ISO code when it has none here; also a price field's prefix.</summary>
    public static string Symbol(string currency) => currency.ToUpperInvariant() switch
    {
        "CNY" or "JPY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "HKD" => "HK$",
        var code => code,
    };

    /// <summary>The culture's digits and separators with the shop currency's sign (an ISO code gets a space after it).</summary>
    public static NumberFormatInfo MoneyFormatOf(CultureInfo culture, string currency)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        var symbol = Symbol(currency);
        format.CurrencySymbol = symbol.All(char.IsAsciiLetter) ? symbol + " " : symbol;
        // The same shape in every language: symbol first, minus before it.
        format.CurrencyPositivePattern = 0;
        format.CurrencyNegativePattern = 1;
        format.CurrencyDecimalDigits = 2;
        return format;
    }
}
