using Console.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Pages.Sales;

/// <summary>Chart inputs from the figures: values in yuan, thinned day labels, readable channel names.</summary>
public static class SalesCharts
{
    /// <summary>At most about this many labels on the day axis, so long ranges stay legible.</summary>
    public const int MaxDayLabels = 12;

    public static double[] Yuan(IEnumerable<long> fen) => fen.Select(f => f / 100.0).ToArray();

    /// <summary>One label per day, blank except every n-th day (and always the first) when the range is long.</summary>
    public static string[] DayLabels(IReadOnlyList<DateOnly> days, SalesFormat format)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / (double)MaxDayLabels));
        return days.Select((d, i) => i % step == 0 ? format.ShortDay(d) : "").ToArray();
    }

    /// <summary>The channel's name in the reader's language when it is a known one, else the code the platform sent.</summary>
    public static string ChannelName(string channel, IStringLocalizer<SalesStrings> strings)
    {
        var name = strings["Sales.Channel." + channel];
        return name.ResourceNotFound ? channel : name.Value;
    }
}
