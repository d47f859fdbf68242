using Console.Web.Components.Pages.Sales;

namespace Console.Tests.Sales;

/// <summary>The dashboard's charts as markup: every value reachable on hover, labels escaped, readable axis steps.</summary>
public sealed class SvgChartsTests
{
    private static string Yuan(double v) => "¥" + v.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_line_chart_has_a_line_and_a_titled_point_per_value_for_each_series_and_a_legend()
    {
        var html = SvgCharts.Line([new("This period", [1, 2, 3]), new("Previous <period>", [0, 5, 1])],
            ["Mar 1", "", "Mar 3"], ["Mar 1", "Mar 2", "Mar 3"], Yuan, 300).Value;

        Assert.Equal(2, Count(html, "<polyline"));
        Assert.Equal(6, Count(html, "<circle"));
        Assert.Contains("<title>This period · Mar 2: ¥2.00</title>", html);
        Assert.Contains("Previous &lt;period&gt;", html);
        Assert.DoesNotContain("<period>", html);
        Assert.Contains("class=\"mud-chart-legend\"", html);
        Assert.Contains(">¥0.00</text>", html);
        Assert.Contains(">¥6.00</text>", html);
    }

    [Fact]
    public void Bars_and_donut_segments_come_one_per_label_with_their_values()
    {
        var bars = SvgCharts.Bars(new("Net revenue", [120, 80]), ["Marketing", "Design & UX"], Yuan, 280).Value;
        Assert.Equal(2, Count(bars, "<rect"));
        Assert.Contains("<title>Design &amp; UX: ¥80.00</title>", bars);
        Assert.DoesNotContain("mud-chart-legend\"", bars);

        var donut = SvgCharts.Donut(new("Net revenue", [30, 10, 0]), ["Live room", "App", "KOL"], Yuan, 280).Value;
        Assert.Equal(3, Count(donut, "<circle"));
        Assert.Contains("<title>Live room: ¥30.00", donut);
        Assert.Equal(3, Count(donut, "mud-chart-legend-item"));
    }

    [Fact]
    public void Long_ranges_draw_the_line_without_a_marker_per_day()
    {
        var days = Enumerable.Range(0, 200).Select(i => (double)i).ToList();
        var labels = days.Select(d => d.ToString()).ToList();
        var html = SvgCharts.Line([new("This period", days)], labels, labels, Yuan, 300).Value;
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

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
