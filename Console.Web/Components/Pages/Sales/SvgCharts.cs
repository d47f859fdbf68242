using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Console.Web.Components.Pages.Sales;

/// <summary>One named series: a value per label.</summary>
public sealed record SvgSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// The dashboard's line, bar and donut charts drawn once into SVG markup. They are pictures of figures that only change
/// with the period, and as markup each is one render-tree frame: a chart component keeps thousands of frames, event
/// handlers and their buffers alive per connected circuit. Hovering a point, bar or segment shows its value (SVG title).
/// </summary>
public static class SvgCharts
{
    private const double Left = 104, Right = 12, Top = 12, AxisSpace = 28;
    private const int MaxMarkers = 92;

    /// <summary>Theme colours, so the charts follow light and dark mode.</summary>
    public static readonly string[] Palette =
    [
        "var(--mud-palette-primary)", "var(--mud-palette-secondary)", "var(--mud-palette-info)", "var(--mud-palette-success)",
        "var(--mud-palette-warning)", "var(--mud-palette-error)", "var(--mud-palette-tertiary)", "var(--mud-palette-dark)",
    ];

    /// <summary>Lines over shared labels; axisLabels may be blank to thin the axis, pointLabels name every point.</summary>
    public static MarkupString Line(IReadOnlyList<SvgSeries> series, IReadOnlyList<string> axisLabels, IReadOnlyList<string> pointLabels,
        Func<double, string> format, int height, int width = 650)
    {
        var count = axisLabels.Count;
        double X(int i) => count <= 1 ? (Left + width - Right) / 2 : Left + i * (width - Left - Right) / (count - 1);
        var (svg, scale) = Axes("mud-chart-line", series.SelectMany(s => s.Values), axisLabels, format, width, height, X);
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var points = series[s].Values.Select((v, i) => $"{N(X(i))},{N(scale(v))}");
            svg.Append($"""<polyline class="mud-chart-serie" fill="none" stroke-width="3" style="stroke:{colour}" points="{string.Join(' ', points)}"/>""");
            // Markers (and their hover values) up to the longest preset; longer custom ranges show the line alone.
            for (var i = 0; i < series[s].Values.Count && count <= MaxMarkers; i++)
                svg.Append($"""<circle cx="{N(X(i))}" cy="{N(scale(series[s].Values[i]))}" r="3" style="fill:{colour}"><title>{E(series[s].Name)} · {E(At(pointLabels, i))}: {E(format(series[s].Values[i]))}</title></circle>""");
        }
        return Close(svg, series.Select((s, i) => (s.Name, Palette[i % Palette.Length])));
    }

    /// <summary>One bar per label, no legend (the axis names the bars); width is the drawing's, near the card's in pixels.</summary>
    public static MarkupString Bars(SvgSeries series, IReadOnlyList<string> labels, Func<double, string> format, int height, int width = 650)
    {
        var band = (width - Left - Right) / Math.Max(1, labels.Count);
        var (svg, scale) = Axes("mud-chart-bar", series.Values, labels, format, width, height, i => Left + band * (i + 0.5));
        var zero = scale(0);
        for (var i = 0; i < series.Values.Count; i++)
        {
            var y = scale(series.Values[i]);
            svg.Append($"""<rect class="mud-chart-serie" x="{N(Left + band * (i + 0.2))}" y="{N(Math.Min(y, zero))}" width="{N(band * 0.6)}" height="{N(Math.Abs(zero - y))}" style="fill:{Palette[0]}"><title>{E(At(labels, i))}: {E(format(series.Values[i]))}</title></rect>""");
        }
        return Close(svg, []);
    }

    /// <summary>A ring of segments, one per label, with the legend naming them.</summary>
    public static MarkupString Donut(SvgSeries series, IReadOnlyList<string> labels, Func<double, string> format, int height)
    {
        var svg = Open("mud-chart-donut", height, "0 0 300 300");
        var total = series.Values.Where(v => v > 0).Sum();
        const double radius = 110, circumference = 2 * Math.PI * radius;
        var offset = 0.0;
        for (var i = 0; i < series.Values.Count && total > 0; i++)
        {
            var length = Math.Max(0, series.Values[i]) / total * circumference;
            svg.Append($"""<circle class="mud-chart-serie" cx="150" cy="150" r="{N(radius)}" fill="none" stroke-width="44" style="stroke:{Palette[i % Palette.Length]}" stroke-dasharray="{N(length)} {N(circumference - length)}" stroke-dashoffset="{N(-offset)}" transform="rotate(-90 150 150)"><title>{E(At(labels, i))}: {E(format(series.Values[i]))} ({(series.Values[i] / total).ToString("P1", CultureInfo.CurrentCulture)})</title></circle>""");
            offset += length;
        }
        return Close(svg, labels.Select((l, i) => (l, Palette[i % Palette.Length])));
    }

    private static (StringBuilder Svg, Func<double, double> Scale) Axes(string kind, IEnumerable<double> values, IReadOnlyList<string> labels,
        Func<double, string> format, int width, int height, Func<int, double> labelX)
    {
        var svg = Open(kind, height, $"0 0 {width} {height}");
        var list = values.ToList();
        var max = Math.Max(0, list.Count == 0 ? 0 : list.Max());
        var step = NiceStep(max / 4);
        var top = step * Math.Max(1, Math.Ceiling(max / step));
        var bottom = height - AxisSpace;
        double Scale(double v) => bottom - v / top * (bottom - Top);
        svg.Append("""<g class="mud-charts-yaxis" font-size="12" text-anchor="end">""");
        for (var tick = 0.0; tick <= top + step / 2; tick += step)
            svg.Append($"""<path stroke="currentColor" stroke-opacity="0.15" stroke-width="1" d="M{N(Left)} {N(Scale(tick))} H{N(width - Right)}"/><text x="{N(Left - 8)}" y="{N(Scale(tick) + 4)}">{E(format(tick))}</text>""");
        svg.Append("""</g><g class="mud-charts-xaxis" font-size="12" text-anchor="middle">""");
        for (var i = 0; i < labels.Count; i++)
            if (labels[i].Length > 0) svg.Append($"""<text x="{N(labelX(i))}" y="{N(bottom + 18)}">{E(labels[i])}</text>""");
        svg.Append("</g>");
        return (svg, Scale);
    }

    private static StringBuilder Open(string kind, int height, string viewBox) => new StringBuilder()
        .Append($"""<div class="mud-chart mud-chart-legend-bottom"><svg class="{kind}" width="100%" height="{height}px" viewBox="{viewBox}" fill="currentColor" role="img">""");

    private static MarkupString Close(StringBuilder svg, IEnumerable<(string Name, string Colour)> legend)
    {
        svg.Append("</svg>");
        var items = legend.ToList();
        if (items.Count > 0)
        {
            svg.Append("""<div class="mud-chart-legend">""");
            foreach (var (name, colour) in items)
                svg.Append($"""<div class="mud-chart-legend-item"><span class="mud-chart-legend-marker" style="background-color:{colour}"></span> <span class="mud-typography mud-typography-body2">{E(name)}</span></div>""");
            svg.Append("</div>");
        }
        return new MarkupString(svg.Append("</div>").ToString());
    }

    /// <summary>1, 2 or 5 times a power of ten: axis ticks people can read.</summary>
    public static double NiceStep(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    private static string At(IReadOnlyList<string> labels, int i) => i < labels.Count ? labels[i] : "";
    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    // Only the characters markup needs: WebUtility would also turn ¥ and · into entities.
    private static string E(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
