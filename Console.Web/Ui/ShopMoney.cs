using System.Globalization;

namespace Console.Web.Ui;

/// <summary>The shop currency as every page shows it: ¥1,299.00 and -¥1,299.00, symbol first, in both languages.</summary>
public static class ShopMoney
{
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
    public static NumberFormatInfo Format(CultureInfo culture, string currency)
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

    public static string Text(long fen, NumberFormatInfo format) => global::Console.Domain.Data.Money.ToDecimal(fen).ToString("C2", format);
}
