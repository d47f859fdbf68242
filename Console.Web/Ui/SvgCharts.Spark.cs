using Microsoft.AspNetCore.Components;

namespace Console.Web.Ui;

public static partial class SvgCharts
{
    /// <summary>A sparkline for a table cell: no axes, its range scaled to the box, the title giving the first and last values.</summary>
    public static MarkupString Spark(IReadOnlyList<double> values, string title, int width = 96, int height = 24)
    {
        if (values.Count == 0) return new MarkupString("");
        var (low, high) = (values.Min(), values.Max());
        var span = high - low == 0 ? 1 : high - low;
        double X(int i) => values.Count == 1 ? width / 2.0 : 2 + i * (width - 4.0) / (values.Count - 1);
        double Y(double v) => height - 3 - (v - low) / span * (height - 6);
        var points = string.Join(' ', values.Select((v, i) => $"{N(X(i))},{N(Y(v))}"));
        return new MarkupString($"""<svg class="cc-spark" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><title>{E(title)}</title><polyline fill="none" stroke-width="2" style="stroke:{Palette[0]}" points="{points}"/><circle cx="{N(X(values.Count - 1))}" cy="{N(Y(values[^1]))}" r="2.5" style="fill:{Palette[0]}"/></svg>""");
    }
}
