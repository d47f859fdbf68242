using System.Globalization;
using System.Text.RegularExpressions;
using Console.Web.Ui;

namespace Console.Tests.Sales;

/// <summary>The console's charts as markup: every value reachable, labels escaped and apart, round money ticks.</summary>
public sealed partial class SvgChartsTests
{
    private static readonly ChartFormat Yuan = ChartFormat.Money(CultureInfo.GetCultureInfo("en"), ShopMoney.Format(CultureInfo.GetCultureInfo("en"), "CNY"));

    [Fact]
    public void A_line_chart_has_a_line_and_a_titled_point_per_value_for_each_series_and_a_legend()
    {
        var html = SvgCharts.Line([new("This period", [1, 2, 3]), new("Previous <period>", [0, 5, 1])],
            ["Mar 1", "Mar 2", "Mar 3"], Yuan, 300).Value;

        Assert.Equal(2, Count(html, "<polyline"));
        Assert.Equal(6, Count(html, "<circle"));
        Assert.Contains("<title>This period · Mar 2: ¥2.00</title>", html);
        Assert.Contains("Previous &lt;period&gt;", html);
        Assert.DoesNotContain("<period>", html);
        Assert.Contains("class=\"mud-chart-legend\"", html);
        Assert.Equal(new[] { "¥0", "¥1", "¥2", "¥3", "¥4", "¥5" }, YTicks(html));
        Assert.DoesNotContain("cc-partial", html);
    }

    [Fact]
    public void A_partial_last_day_is_a_dashed_segment_to_a_hollow_marker_with_a_note_in_the_legend()
    {
        var html = SvgCharts.Line([new("This period", [4, 5, 1]), new("Previous period", [3, 4, 2])],
            ["Mar 1", "Mar 2", "Mar 3"], Yuan, 300, partialNote: "Dashed: the last day until 11:00").Value;

        Assert.Equal(2, Count(html, "<path class=\"cc-partial\""));
        Assert.Equal(2, Count(html, "stroke-dasharray=\"6 5\""));
        Assert.Equal(2, Count(html, "fill:var(--mud-palette-surface)"));
        Assert.Contains("<title>This period · Mar 3: ¥1.00 · Dashed: the last day until 11:00</title>", html);
        Assert.Contains("cc-legend-partial", html);
        // The solid line stops at the last whole day.
        Assert.Equal(2, Regex.Matches(html, "<polyline[^>]*points=\"[^\" ]+ [^\" ]+\"").Count);
    }

    [Fact]
    public void Small_bar_sets_print_their_values_and_donuts_their_shares_total_and_values()
    {
        var bars = SvgCharts.Bars(new("Net revenue", [120, 80]), ["Marketing", "Design & UX"], Yuan, 280).Value;
        Assert.Equal(2, Count(bars, "<rect"));
        Assert.Contains("<title>Design &amp; UX: ¥80.00</title>", bars);
        Assert.Contains(">¥120</text>", bars);
        Assert.Contains(">¥80</text>", bars);
        Assert.DoesNotContain("mud-chart-legend\"", bars);
        var many = SvgCharts.Bars(new("Orders", Enumerable.Range(1, 24).Select(i => (double)i).ToList()),
            Enumerable.Range(0, 24).Select(h => $"{h:00}:00").ToList(), ChartFormat.Counts(CultureInfo.InvariantCulture), 280).Value;
        Assert.Equal(0, Count(many, "cc-bar-value"));

        var donut = SvgCharts.Donut(new("Net revenue", [30, 10, 0]), ["Live room", "App", "KOL"], Yuan, 280).Value;
        Assert.Equal(3, Count(donut, "<circle"));
        Assert.Contains("<title>Live room: ¥30.00", donut);
        Assert.Equal(3, Count(donut, "mud-chart-legend-item"));
        Assert.Contains("Live room · ¥30.00 (75.0%)", donut);
        Assert.Contains(">75.0%</text>", donut);
        Assert.Contains(">25.0%</text>", donut);
        Assert.Contains(">¥40</text>", donut);
    }

    [Fact]
    public void A_bar_value_too_wide_for_its_bar_is_written_compactly_in_the_reader_s_way()
    {
        double[] values = [181_951.5, 141_508, 110_586, 100_660, 86_238, 70_760];
        string[] labels = ["Programming", "Data & AI", "Marketing", "Finance", "Languages", "Design"];
        var narrow = SvgCharts.Bars(new("Net revenue", values), labels, Yuan, 280, 360).Value;
        Assert.Contains(">¥182k</text>", narrow);
        Assert.Contains(">¥71k</text>", narrow);
        Assert.DoesNotContain("…</text>", narrow);
        var wide = SvgCharts.Bars(new("Net revenue", values), labels, Yuan, 280, 1000).Value;
        Assert.Contains(">¥181,952</text>", wide);

        var zh = CultureInfo.GetCultureInfo("zh-Hans");
        var chinese = SvgCharts.Bars(new("净收入", values), labels, ChartFormat.Money(zh, ShopMoney.Format(zh, "CNY")), 280, 360).Value;
        Assert.Contains(">¥18万</text>", chinese);
    }

    [Fact]
    public void Long_ranges_draw_the_line_without_a_marker_per_day()
    {
        var days = Enumerable.Range(0, 200).Select(i => (double)i).ToList();
        var labels = days.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList();
        var html = SvgCharts.Line([new("This period", days)], labels, Yuan, 300).Value;
        Assert.Equal(1, Count(html, "<polyline"));
        Assert.Equal(0, Count(html, "<circle"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.7, 1)]
    [InlineData(1.7, 2)]
    [InlineData(3, 5)]
    [InlineData(1749, 2000)]
    [InlineData(6100, 10000)]
    public void Axis_steps_are_one_two_or_five_times_a_power_of_ten(double rough, double step) =>
        Assert.Equal(step, SvgCharts.NiceStep(rough), 6);

    [Theory]
    [InlineData(5, 1, 5)]
    [InlineData(9_999, 2_000, 10_000)]
    [InlineData(10_001, 5_000, 15_000)]
    [InlineData(640, 200, 800)]
    [InlineData(0.37, 0.1, 0.4)]
    [InlineData(123_456.78, 50_000, 150_000)]
    public void Ticks_start_at_zero_step_by_one_two_or_five_and_reach_the_top_in_at_most_six(double max, double step, double top)
    {
        var ticks = SvgCharts.Ticks(max);
        Assert.Equal(step, ticks.Step, 9);
        Assert.Equal(top, ticks.Top, 9);
        Assert.Equal(0, ticks.Values[0]);
        Assert.InRange(ticks.Values.Count, 2, SvgCharts.MaxTicks);
        Assert.True(ticks.Top >= max);
    }

    [Fact]
    public void Every_maximum_gets_round_ticks_within_the_limit_and_counts_get_whole_steps()
    {
        var random = new Random(19);
        for (var i = 0; i < 2_000; i++)
        {
            var max = Math.Pow(10, random.NextDouble() * 12 - 3);
            var ticks = SvgCharts.Ticks(max);
            Assert.InRange(ticks.Values.Count, 2, SvgCharts.MaxTicks);
            Assert.True(ticks.Top >= max && ticks.Top - ticks.Step < max, $"{max}: top {ticks.Top}");
            var mantissa = ticks.Step / Math.Pow(10, Math.Floor(Math.Log10(ticks.Step) + 1e-9));
            Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
        }
        Assert.Equal(new[] { 0.0, 1, 2, 3 }, SvgCharts.Ticks(3, wholeNumbers: true).Values);
        Assert.Equal(1, SvgCharts.Ticks(0.4, wholeNumbers: true).Step);
    }

    [Fact]
    public void Money_ticks_carry_the_currency_and_no_needless_decimals()
    {
        var html = SvgCharts.Bars(new("Net revenue", [5_400, 12_345.67]), ["A", "B"], Yuan, 280).Value;
        Assert.Equal(new[] { "¥0", "¥5,000", "¥10,000", "¥15,000" }, YTicks(html));
    }

    public static TheoryData<string[], double> LabelSets() => new()
    {
        { ["Marketing", "Design & UX", "Data science and machine learning", "Photography", "Language", "No category"], 90 },
        { Enumerable.Range(0, 40).Select(i => $"Category number {i}").ToArray(), 12 },
        { ["短视频运营", "数据分析与可视化", "摄影", "外语", "未分类", "直播带货实战训练营"], 50 },
        { ["A", "B", "C"], 150 },
    };

    [Theory]
    [MemberData(nameof(LabelSets))]
    public void Category_labels_never_overlap_whatever_their_length_and_number(string[] labels, double band)
    {
        var layout = SvgCharts.Layout(labels, band, slant: true);
        var shown = Enumerable.Range(0, labels.Length).Where(i => i % layout.Every == 0).ToList();
        Assert.Equal(0, shown[0]);
        foreach (var (a, b) in shown.Zip(shown.Skip(1)))
        {
            var apart = (b - a) * band;
            if (layout.Slanted)
                Assert.True(apart * Math.Sin(SvgCharts.SlantDegrees * Math.PI / 180) >= SvgCharts.FontSize * 1.2, $"{apart} apart");
            else
                Assert.True(apart >= (SvgCharts.TextWidth(layout.Texts[a]) + SvgCharts.TextWidth(layout.Texts[b])) / 2, $"{layout.Texts[a]} / {layout.Texts[b]}");
        }
        if (layout.Slanted) Assert.All(layout.Texts, t => Assert.True(SvgCharts.TextWidth(t) <= SvgCharts.MaxSlantedWidth, t));
        else Assert.Equal(labels, layout.Texts);
    }

    [Fact]
    public void Day_labels_stay_level_and_are_thinned_so_no_two_touch()
    {
        var days = Enumerable.Range(0, 90).Select(i => new DateOnly(2025, 1, 1).AddDays(i).ToString("MMM d", CultureInfo.InvariantCulture)).ToList();
        var layout = SvgCharts.Layout(days, 530.0 / 89, slant: false);
        Assert.False(layout.Slanted);
        Assert.InRange(layout.Every, 7, 12);
        Assert.True(layout.Every * 530.0 / 89 >= days.Max(d => SvgCharts.TextWidth(d)));

        var week = SvgCharts.Layout(days.Take(7).ToList(), 530.0 / 6, slant: false);
        Assert.Equal(1, week.Every);

        var html = SvgCharts.Line([new("Net revenue", days.Select(_ => 1.0).ToList())], days, Yuan, 300).Value;
        Assert.Equal((90 + layout.Every - 1) / layout.Every, XLabels(html).Count);
    }

    [Fact]
    public void A_long_label_is_shortened_with_an_ellipsis_to_fit()
    {
        var text = SvgCharts.Fit("Data science and machine learning for marketers", 110, 12);
        Assert.EndsWith("…", text);
        Assert.True(SvgCharts.TextWidth(text) <= 110);
        Assert.Equal("Design", SvgCharts.Fit("Design", 110, 12));
    }

    private static List<string> YTicks(string html) =>
        YAxis().Match(html).Groups[1].Value is var axis ? TextTag().Matches(axis).Select(m => m.Groups[1].Value).ToList() : [];

    private static List<string> XLabels(string html) =>
        XAxis().Match(html).Groups[1].Value is var axis ? TextTag().Matches(axis).Select(m => m.Groups[1].Value).ToList() : [];

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [GeneratedRegex("""<g class="mud-charts-yaxis"[^>]*>(.*?)</g>""")]
    private static partial Regex YAxis();

    [GeneratedRegex("""<g class="mud-charts-xaxis"[^>]*>(.*?)</g>""")]
    private static partial Regex XAxis();

    [GeneratedRegex("""<text[^>]*>([^<]*)</text>""")]
    private static partial Regex TextTag();
}
