using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Console.Web.Ui;

/// <summary>One named series: a value per label.</summary>
public sealed record SvgSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// How a chart writes numbers: in full on hover and in legends, short on ticks and bars, and compact (¥182k, ¥18.2万)
/// where even the short form does not fit a bar; counts step by whole numbers.
/// </summary>
public sealed record ChartFormat(Func<double, string> Value, Func<double, string> Tick, Func<double, string> Compact, bool WholeNumbers = false)
{
    /// <summary>Counts with the culture's thousands separators.</summary>
    public static ChartFormat Counts(CultureInfo culture) => new(
        v => Math.Round(v).ToString("N0", culture), v => Math.Round(v).ToString("N0", culture), v => Short(v, culture, ""), WholeNumbers: true);

    /// <summary>Money in the shop currency (<paramref name="money"/> from <see cref="ShopMoney.Format"/>): ¥1,299.50 in full, ¥2,000 on a tick.</summary>
    public static ChartFormat Money(CultureInfo culture, NumberFormatInfo money) => new(
        v => ((decimal)Math.Round(v, 2)).ToString("C2", money),
        v => ((decimal)Math.Round(v, 2)).ToString(Math.Abs(v) >= 100 || Math.Round(v, 2) % 1 == 0 ? "C0" : "C2", money),
        v => Short(v, culture, money.CurrencySymbol));

    // Chinese groups by ten thousand (万), English by thousand (k) and million (M).
    private static string Short(double v, CultureInfo culture, string symbol)
    {
        var sign = v < 0 ? "-" : "";
        var a = Math.Abs(v);
        // A glance, not a figure (the full value is on hover): 182k, 71k, 1.5M.
        string Figures(double x) => x.ToString(x >= 10 ? "0" : "0.#", culture);
        var number = culture.TwoLetterISOLanguageName == "zh"
            ? a >= 1e8 ? Figures(a / 1e8) + "亿" : a >= 1e4 ? Figures(a / 1e4) + "万" : Figures(a)
            : a >= 1e6 ? Figures(a / 1e6) + "M" : a >= 1e3 ? Figures(a / 1e3) + "k" : Figures(a);
        return sign + symbol + number;
    }
}

/// <summary>Where the category labels go: every n-th one, level or slanted, and the text each shows.</summary>
public sealed record LabelLayout(int Every, bool Slanted, IReadOnlyList<string> Texts);

/// <summary>A value axis: 0 to Top in Step, 1, 2 or 5 times a power of ten.</summary>
public sealed record AxisTicks(double Step, IReadOnlyList<double> Values)
{
    public double Top => Values[^1];
}

/// <summary>
/// The console's one chart system: line, bar and donut charts drawn once into SVG markup. They are pictures of figures
/// that change only when the figures do, and as markup each is one render-tree frame, where a chart component keeps
/// thousands of frames, handlers and buffers alive per connected circuit (docs/decisions/0002-one-chart-system.md).
/// Every value is reachable on hover (SVG title); ticks are round, labels never overlap, small sets show their values.
/// </summary>
public static partial class SvgCharts
{
    public const int MaxTicks = 6;
    /// <summary>Bar sets up to this size print each bar's value above it.</summary>
    public const int MaxValueLabels = 8;
    public const double FontSize = 12, SlantDegrees = 40, MaxSlantedWidth = 110;
    private const double Top = 16, LevelAxisSpace = 28, Gap = 8;
    private const int MaxMarkers = 92;
    private static readonly double Sin = Math.Sin(SlantDegrees * Math.PI / 180), Cos = Math.Cos(SlantDegrees * Math.PI / 180);

    /// <summary>Theme colours, so the charts follow light and dark mode.</summary>
    public static readonly string[] Palette =
    [
        "var(--mud-palette-primary)", "var(--mud-palette-secondary)", "var(--mud-palette-info)", "var(--mud-palette-success)",
        "var(--mud-palette-warning)", "var(--mud-palette-error)", "var(--mud-palette-tertiary)", "var(--mud-palette-dark)",
    ];

    /// <summary>
    /// Lines over shared labels (thinned so they never overlap). With <paramref name="partialNote"/>, every series' last
    /// point is a part of its day only: its segment is dashed, its marker hollow, and the legend says why.
    /// </summary>
    public static MarkupString Line(IReadOnlyList<SvgSeries> series, IReadOnlyList<string> labels, ChartFormat format, int height,
        int width = 650, string? partialNote = null)
    {
        var count = labels.Count;
        var ticks = TicksFor(series.SelectMany(s => s.Values), format);
        var left = LeftFor(ticks, format);
        var right = RightFor(labels);
        var layout = Layout(labels, count <= 1 ? width : (width - left - right) / (count - 1), slant: false);
        double X(int i) => count <= 1 ? (left + width - right) / 2 : left + i * (width - left - right) / (count - 1);
        var (svg, scale) = Axes("mud-chart-line", ticks, left, layout, format, width, height, X);
        var partial = partialNote is not null;
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var values = series[s].Values;
            var whole = partial && values.Count > 1 ? values.Count - 1 : values.Count;
            var points = values.Take(whole).Select((v, i) => $"{N(X(i))},{N(scale(v))}");
            svg.Append($"""<polyline class="mud-chart-serie" fill="none" stroke-width="3" style="stroke:{colour}" points="{string.Join(' ', points)}"/>""");
            if (whole < values.Count)
                svg.Append($"""<path class="cc-partial" fill="none" stroke-width="3" stroke-dasharray="6 5" style="stroke:{colour}" d="M{N(X(whole - 1))} {N(scale(values[whole - 1]))} L{N(X(whole))} {N(scale(values[whole]))}"/>""");
            // Markers (and their hover values) up to the longest preset; longer custom ranges show the line alone.
            for (var i = 0; i < values.Count && count <= MaxMarkers; i++)
            {
                var hollow = partial && i == values.Count - 1;
                var paint = hollow ? $"fill:var(--mud-palette-surface);stroke:{colour};stroke-width:2" : $"fill:{colour}";
                svg.Append($"""<circle cx="{N(X(i))}" cy="{N(scale(values[i]))}" r="{(hollow ? 4.5 : 3)}" style="{paint}"><title>{E(series[s].Name)} · {E(At(labels, i))}: {E(format.Value(values[i]))}{(hollow ? " · " + E(partialNote!) : "")}</title></circle>""");
            }
        }
        var legend = series.Select((s, i) => new LegendItem(s.Name, Palette[i % Palette.Length])).ToList();
        if (partial) legend.Add(new LegendItem(partialNote!, "var(--mud-palette-text-secondary)", Dashed: true));
        return Close(svg, legend);
    }

    /// <summary>One bar per label, no legend (the axis names the bars); small sets print their values on the bars.</summary>
    public static MarkupString Bars(SvgSeries series, IReadOnlyList<string> labels, ChartFormat format, int height, int width = 650)
    {
        var ticks = TicksFor(series.Values, format);
        var left = LeftFor(ticks, format);
        var band = (width - left - 12) / Math.Max(1, labels.Count);
        var layout = Layout(labels, band, slant: true);
        var (svg, scale) = Axes("mud-chart-bar", ticks, left, layout, format, width, height, i => left + band * (i + 0.5));
        var zero = scale(0);
        var showValues = series.Values.Count <= MaxValueLabels;
        for (var i = 0; i < series.Values.Count; i++)
        {
            var value = series.Values[i];
            var y = scale(value);
            svg.Append($"""<rect class="mud-chart-serie" x="{N(left + band * (i + 0.2))}" y="{N(Math.Min(y, zero))}" width="{N(band * 0.6)}" height="{N(Math.Abs(zero - y))}" style="fill:{Palette[0]}"><title>{E(At(labels, i))}: {E(format.Value(value))}</title></rect>""");
            if (showValues)
                svg.Append($"""<text class="cc-bar-value" x="{N(left + band * (i + 0.5))}" y="{N(Math.Min(y, zero) - 4)}" font-size="11" text-anchor="middle">{E(BarValue(value, format, band - 2))}</text>""");
        }
        return Close(svg, []);
    }

    // The short value if it fits the bar's slot, else the compact one, shortened only as a last resort.
    private static string BarValue(double value, ChartFormat format, double room)
    {
        var text = format.Tick(value);
        if (TextWidth(text, 11) <= room) return text;
        return Fit(format.Compact(value), room, 11);
    }

    /// <summary>A ring of segments, one per label: each share on its segment, the total inside, values in the legend.</summary>
    public static MarkupString Donut(SvgSeries series, IReadOnlyList<string> labels, ChartFormat format, int height)
    {
        var svg = Open("mud-chart-donut", height, "0 0 300 300");
        var total = series.Values.Where(v => v > 0).Sum();
        const double radius = 110, circumference = 2 * Math.PI * radius;
        var offset = 0.0;
        // 12.3% in both languages (the invariant culture's percent pattern would put a space before the sign).
        string Share(double v) => total > 0 ? (Math.Max(0, v) / total * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%" : "";
        for (var i = 0; i < series.Values.Count && total > 0; i++)
        {
            var length = Math.Max(0, series.Values[i]) / total * circumference;
            svg.Append($"""<circle class="mud-chart-serie" cx="150" cy="150" r="{N(radius)}" fill="none" stroke-width="44" style="stroke:{Palette[i % Palette.Length]}" stroke-dasharray="{N(length)} {N(circumference - length)}" stroke-dashoffset="{N(-offset)}" transform="rotate(-90 150 150)"><title>{E(At(labels, i))}: {E(format.Value(series.Values[i]))} ({Share(series.Values[i])})</title></circle>""");
            // The share sits on its segment when the segment is long enough to hold it; the legend always has it.
            if (length / circumference >= 0.06)
            {
                var angle = (offset + length / 2) / circumference * 2 * Math.PI - Math.PI / 2;
                svg.Append($"""<text class="cc-donut-value" x="{N(150 + radius * Math.Cos(angle))}" y="{N(150 + radius * Math.Sin(angle) + 4)}" font-size="12" text-anchor="middle" fill="#fff" stroke="rgba(0,0,0,0.55)" stroke-width="3" paint-order="stroke">{E(Share(series.Values[i]))}</text>""");
            }
            offset += length;
        }
        if (total > 0)
            svg.Append($"""<text class="cc-donut-total" x="150" y="156" font-size="16" text-anchor="middle">{E(format.Tick(total))}</text>""");
        return Close(svg, labels.Select((l, i) => new LegendItem($"{l} · {format.Value(At(series.Values, i))} ({Share(At(series.Values, i))})", Palette[i % Palette.Length])));
    }

    /// <summary>
    /// The chart drawn twice, for a wide card and for a phone: one drawing scaled to 390 px would shrink its text to half
    /// size. CSS (cc-chart-wide / cc-chart-narrow in app.css) shows the one that fits.
    /// </summary>
    public static MarkupString Responsive(Func<int, MarkupString> draw, int wide = 650, int narrow = 360) => new(
        $"""<div class="cc-chart-wide">{draw(wide).Value}</div><div class="cc-chart-narrow">{draw(narrow).Value}</div>""");

    /// <summary>0 up to the first round value at or above <paramref name="max"/>, in at most <paramref name="maxTicks"/> ticks of 1, 2 or 5 × 10ⁿ.</summary>
    public static AxisTicks Ticks(double max, int maxTicks = MaxTicks, bool wholeNumbers = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        if (!(max > 0) || double.IsInfinity(max)) return new(1, [0, 1]);
        var step = NiceStep(max / (maxTicks - 1));
        if (wholeNumbers) step = Math.Max(1, step);
        while (Math.Ceiling(max / step - 1e-9) + 1 > maxTicks) step = NextStep(step);
        var count = (int)Math.Ceiling(max / step - 1e-9);
        // Multiplying, not adding, keeps 0.1-steps free of drift (0.30000000000000004).
        return new(step, Enumerable.Range(0, count + 1).Select(i => Math.Round(i * step, 10)).ToList());
    }

    /// <summary>1, 2 or 5 times a power of ten, the smallest at or above <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10) * power;
    }

    private static double NextStep(double step)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        var fraction = Math.Round(step / power);
        return (fraction < 2 ? 2 : fraction < 5 ? 5 : 10) * power;
    }

    /// <summary>
    /// Labels centred on slots <paramref name="band"/> apart: level when the widest fits its slot; else every n-th label,
    /// level (day axes) or slanted and shortened to <see cref="MaxSlantedWidth"/> (category axes), so that no two touch.
    /// </summary>
    public static LabelLayout Layout(IReadOnlyList<string> labels, double band, bool slant)
    {
        if (labels.Count == 0 || band <= 0) return new(1, false, labels);
        var widest = labels.Max(l => TextWidth(l));
        if (widest + Gap <= band) return new(1, false, labels);
        if (!slant) return new((int)Math.Ceiling((widest + Gap) / band), false, labels);
        // Slanted lines of text a slot apart lie band × sin(angle) apart across their direction: that must hold a line.
        var every = (int)Math.Ceiling(FontSize * 1.3 / (band * Sin));
        return new(every, true, labels.Select(l => Fit(l, MaxSlantedWidth, FontSize)).ToList());
    }

    /// <summary>A generous estimate of a label's width in pixels: CJK and other wide characters a full em, the rest 0.62 em.</summary>
    public static double TextWidth(string text, double fontSize = FontSize) =>
        text.Sum(c => IsWide(c) ? fontSize : fontSize * 0.62);

    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6';

    /// <summary>The text, shortened with an ellipsis until it fits <paramref name="maxWidth"/>.</summary>
    public static string Fit(string text, double maxWidth, double fontSize)
    {
        if (TextWidth(text, fontSize) <= maxWidth) return text;
        var cut = text.Length;
        while (cut > 1 && TextWidth(text[..cut] + "…", fontSize) > maxWidth) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    // A line chart's last label sits on the last point: room for half of it on the right keeps it inside the drawing.
    private static double RightFor(IReadOnlyList<string> labels) => Math.Max(12, labels.Count == 0 ? 0 : TextWidth(labels[^1]) / 2 + 2);

    private static AxisTicks TicksFor(IEnumerable<double> values, ChartFormat format)
    {
        var list = values.ToList();
        return Ticks(list.Count == 0 ? 0 : list.Max(), MaxTicks, format.WholeNumbers);
    }

    // The value axis takes the room its widest tick needs, so a narrow chart keeps its plot.
    private static double LeftFor(AxisTicks ticks, ChartFormat format) => ticks.Values.Max(t => TextWidth(format.Tick(t))) + 14;

    private static (StringBuilder Svg, Func<double, double> Scale) Axes(string kind, AxisTicks ticks, double left, LabelLayout labels,
        ChartFormat format, int width, int height, Func<int, double> labelX)
    {
        var slantedHeight = labels.Slanted ? labels.Texts.Max(t => TextWidth(t)) * Sin + FontSize * Cos + 12 : 0;
        var axisSpace = labels.Slanted ? Math.Max(LevelAxisSpace, slantedHeight) : LevelAxisSpace;
        var total = height + (int)Math.Ceiling(axisSpace - LevelAxisSpace);
        var svg = Open(kind, total, $"0 0 {width} {total}");
        var bottom = height - LevelAxisSpace;
        double Scale(double v) => bottom - Math.Max(0, v) / ticks.Top * (bottom - Top);
        svg.Append("""<g class="mud-charts-yaxis" font-size="12" text-anchor="end">""");
        foreach (var tick in ticks.Values)
            svg.Append($"""<path stroke="currentColor" stroke-opacity="0.15" stroke-width="1" d="M{N(left)} {N(Scale(tick))} H{N(width - 12)}"/><text x="{N(left - 8)}" y="{N(Scale(tick) + 4)}">{E(format.Tick(tick))}</text>""");
        svg.Append($"""</g><g class="mud-charts-xaxis" font-size="12" text-anchor="{(labels.Slanted ? "end" : "middle")}">""");
        for (var i = 0; i < labels.Texts.Count; i += labels.Every)
        {
            if (labels.Texts[i].Length == 0) continue;
            var (x, y) = (labelX(i), bottom + 18);
            svg.Append(labels.Slanted
                ? $"""<text x="{N(x)}" y="{N(y - 4)}" transform="rotate(-{N(SlantDegrees)} {N(x)} {N(y - 4)})">{E(labels.Texts[i])}</text>"""
                : $"""<text x="{N(x)}" y="{N(y)}">{E(labels.Texts[i])}</text>""");
        }
        svg.Append("</g>");
        return (svg, Scale);
    }

    private sealed record LegendItem(string Name, string Colour, bool Dashed = false);

    private static StringBuilder Open(string kind, int height, string viewBox) => new StringBuilder()
        .Append($"""<div class="mud-chart mud-chart-legend-bottom"><svg class="{kind}" width="100%" height="{height}px" viewBox="{viewBox}" fill="currentColor" role="img">""");

    private static MarkupString Close(StringBuilder svg, IEnumerable<LegendItem> legend)
    {
        svg.Append("</svg>");
        var items = legend.ToList();
        if (items.Count > 0)
        {
            svg.Append("""<div class="mud-chart-legend">""");
            foreach (var item in items)
            {
                var marker = item.Dashed
                    ? $"background:repeating-linear-gradient(90deg,{item.Colour} 0 4px,transparent 4px 7px);height:3px"
                    : $"background-color:{item.Colour}";
                svg.Append($"""<div class="mud-chart-legend-item{(item.Dashed ? " cc-legend-partial" : "")}"><span class="mud-chart-legend-marker" style="{marker}"></span> <span class="mud-typography mud-typography-body2">{E(item.Name)}</span></div>""");
            }
            svg.Append("</div>");
        }
        return new MarkupString(svg.Append("</div>").ToString());
    }

    private static string At(IReadOnlyList<string> labels, int i) => i < labels.Count ? labels[i] : "";
    private static double At(IReadOnlyList<double> values, int i) => i < values.Count ? values[i] : 0;
    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    // Only the characters markup needs: WebUtility would also turn ¥ and · into entities.
    private static string E(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
