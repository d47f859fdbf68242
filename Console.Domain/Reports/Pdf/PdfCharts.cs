using PdfSharp.Drawing;

namespace Console.Domain.Reports.Pdf;

/// <summary>One bar of a bar chart: its label, its length and the figure written beside it.</summary>
public sealed record PdfBar(string Label, double Value, string Text);

/// <summary>Vector charts drawn straight on the page: lines and bars with round (1-2-5) ticks, no images.</summary>
public static class PdfCharts
{
    /// <summary>Two series over the same days: the period (solid) and the previous one (grey), with a y axis of round ticks.</summary>
    public static void Lines(PdfPages pages, IReadOnlyList<string> xLabels, IReadOnlyList<double> current, IReadOnlyList<double> previous,
        Func<double, string> tick, string currentName, string previousName, double height = 190, bool draw = true)
    {
        var style = pages.Style;
        pages.Need(height + 34);
        if (!draw)
        {
            // The same space left blank: the benchmark's baseline keeps every page as it is, less the drawing.
            pages.Y += height + 34;
            return;
        }
        var top = pages.Y;
        var ticks = NiceTicks(Math.Max(current.DefaultIfEmpty(0).Max(), previous.DefaultIfEmpty(0).Max()));
        var labelWidth = ticks.Max(t => pages.G.MeasureString(tick(t), style.Small).Width) + 6;
        var (x0, x1, y0, y1) = (PdfStyle.Left + labelWidth, PdfStyle.Right, top + height, top + 6);
        var max = ticks[^1];
        foreach (var t in ticks)
        {
            var y = y0 - (y0 - y1) * t / max;
            pages.G.DrawLine(style.RulePen, x0, y, x1, y);
            pages.G.DrawString(tick(t), style.Small, style.MutedBrush, x0 - 4, y - 4, XStringFormats.TopRight);
        }
        var n = Math.Max(current.Count, previous.Count);
        double X(int i) => n <= 1 ? (x0 + x1) / 2 : x0 + (x1 - x0) * i / (n - 1);
        double Y(double v) => y0 - (y0 - y1) * v / max;
        Series(pages.G, previous, X, Y, new XPen(PdfStyle.Previous, 1.2) { DashStyle = XDashStyle.Dash });
        Series(pages.G, current, X, Y, new XPen(PdfStyle.Current, 1.6));
        var every = Math.Max(1, (int)Math.Ceiling(n / 8.0));
        for (var i = 0; i < xLabels.Count; i += every)
            pages.G.DrawString(xLabels[i], style.Small, style.MutedBrush, X(i), y0 + 4, XStringFormats.TopCenter);
        pages.Y = y0 + 18;
        Legend(pages, [(currentName, PdfStyle.Current), (previousName, PdfStyle.Previous)]);
    }

    /// <summary>Horizontal bars, longest first as given, each with its label on the left and its figure at its end.</summary>
    public static void Bars(PdfPages pages, IReadOnlyList<PdfBar> bars, XColor? color = null, bool draw = true)
    {
        var style = pages.Style;
        const double barHeight = 11, gap = 5;
        if (!draw)
        {
            foreach (var _ in bars)
            {
                pages.Need(barHeight + gap);
                pages.Y += barHeight + gap;
            }
            pages.Y += 6;
            return;
        }
        var labelWidth = Math.Min(170, bars.Select(b => pages.G.MeasureString(b.Label, style.Body).Width).DefaultIfEmpty(0).Max() + 8);
        var textWidth = bars.Select(b => pages.G.MeasureString(b.Text, style.Small).Width).DefaultIfEmpty(0).Max() + 8;
        var max = bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        var brush = new XSolidBrush(color ?? PdfStyle.Current);
        foreach (var bar in bars)
        {
            pages.Need(barHeight + gap);
            var y = pages.Y;
            pages.G.DrawString(bar.Label, style.Body, style.InkBrush, PdfStyle.Left, y, XStringFormats.TopLeft);
            var x0 = PdfStyle.Left + labelWidth;
            var length = max <= 0 ? 0 : (PdfStyle.Width - labelWidth - textWidth) * Math.Max(0, bar.Value) / max;
            pages.G.DrawRectangle(brush, x0, y + 1, Math.Max(0.5, length), barHeight);
            pages.G.DrawString(bar.Text, style.Small, style.InkBrush, x0 + length + 4, y + 2, XStringFormats.TopLeft);
            pages.Y += barHeight + gap;
        }
        pages.Y += 6;
    }

    /// <summary>Round ticks from 0 to at least the maximum: steps of 1, 2 or 5 times a power of ten, at most six of them.</summary>
    public static IReadOnlyList<double> NiceTicks(double max)
    {
        if (max <= 0 || double.IsNaN(max)) return [0, 1];
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max / 5)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => Math.Ceiling(max / s) <= 5);
        var count = (int)Math.Ceiling(max / step);
        return Enumerable.Range(0, count + 1).Select(i => i * step).ToList();
    }

    private static void Series(XGraphics g, IReadOnlyList<double> values, Func<int, double> x, Func<double, double> y, XPen pen)
    {
        if (values.Count == 0) return;
        if (values.Count == 1)
        {
            g.DrawEllipse(new XSolidBrush(pen.Color), x(0) - 2, y(values[0]) - 2, 4, 4);
            return;
        }
        g.DrawLines(pen, values.Select((v, i) => new XPoint(x(i), y(v))).ToArray());
    }

    private static void Legend(PdfPages pages, IReadOnlyList<(string Name, XColor Color)> entries)
    {
        var x = PdfStyle.Left;
        foreach (var (name, color) in entries)
        {
            pages.G.DrawRectangle(new XSolidBrush(color), x, pages.Y + 2, 10, 6);
            pages.G.DrawString(name, pages.Style.Small, pages.Style.InkBrush, x + 14, pages.Y, XStringFormats.TopLeft);
            x += 24 + pages.G.MeasureString(name, pages.Style.Small).Width;
        }
        pages.Y += 16;
    }
}
