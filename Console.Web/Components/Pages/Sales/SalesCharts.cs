using Console.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Pages.Sales;

/// <summary>Chart inputs from the figures: values in yuan, readable channel names.</summary>
public static class SalesCharts
{
    public static double[] Yuan(IEnumerable<long> fen) => fen.Select(f => f / 100.0).ToArray();

    /// <summary>The channel's name in the reader's language when it is a known one, else the code the platform sent.</summary>
    public static string ChannelName(string channel, IStringLocalizer<SalesStrings> strings)
    {
        var name = strings["Sales.Channel." + channel];
        return name.ResourceNotFound ? channel : name.Value;
    }
}
