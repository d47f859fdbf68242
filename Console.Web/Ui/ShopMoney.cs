using System.Globalization;
using Console.Domain.Sales;

namespace Console.Web.Ui;

/// <summary>The shop currency as every page shows it: ¥1,299.00 and -¥1,299.00, symbol first, in both languages (<see cref="SalesFormat"/>).</summary>
public static class ShopMoney
{
    /// <summary>The currency's sign, or its ISO code when it has none here; also a price field's prefix.</summary>
    public static string Symbol(string currency) => SalesFormat.Symbol(currency);

    /// <summary>The culture's digits and separators with the shop currency's sign (an ISO code gets a space after it).</summary>
    public static NumberFormatInfo Format(CultureInfo culture, string currency) => SalesFormat.MoneyFormatOf(culture, currency);

    public static string Text(long fen, NumberFormatInfo format) => global::Console.Domain.Data.Money.ToDecimal(fen).ToString("C2", format);
}
