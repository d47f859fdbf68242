using Console.Domain.Sales;
using Console.Web.Ui;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Pages.Sales;

/// <summary>What only the pages add to <see cref="SalesFormat"/>: counts in words from the resources, and the SVG charts' number formats.</summary>
public static class SalesFormatOnPages
{
    extension(SalesFormat format)
    {
        /// <summary>
        /// A count in words: the key's ".One" text for exactly one ("1 day"), else the key's text with the count ("7 days").
        /// Chinese has one form, so its two texts read alike.
        /// </summary>
        public string Counted(IStringLocalizer strings, string key, long count) =>
            count == 1 ? strings[key + ".One"] : strings[key, format.Count(count)];

        /// <summary>Chart numbers: money in the shop currency with round ticks.</summary>
        public ChartFormat MoneyChart => ChartFormat.Money(format.Culture, format.MoneyFormat);

        /// <summary>Chart numbers: counts in whole steps.</summary>
        public ChartFormat CountChart => ChartFormat.Counts(format.Culture);
    }
}
