using System.Globalization;
using Console.Domain.Sales;
using Console.Web.Components.Pages.Sales;
using MudBlazor;

namespace Console.Tests.Sales;

public sealed class SalesFormatTests
{
    private static readonly SalesFormat English = new(CultureInfo.GetCultureInfo("en"));
    private static readonly SalesFormat Chinese = new(CultureInfo.GetCultureInfo("zh-Hans"));

    [Fact]
    public void Money_shows_yuan_with_the_symbol_and_thousands_separators_in_both_languages()
    {
        foreach (var format in new[] { English, Chinese })
        {
            Assert.Equal("¥1,299.00", format.Money(129_900));
            Assert.Equal("¥1,234,567.89", format.Money(123_456_789));
            Assert.Equal("¥0.00", format.Money(0));
            Assert.Equal("-¥12.50", format.Money(-1_250));
            Assert.Equal("12,345", format.Count(12_345));
        }
        Assert.Equal("$1,299.00", new SalesFormat(CultureInfo.GetCultureInfo("en"), "USD").Money(129_900));
    }

    [Fact]
    public void Shares_and_deltas_are_percentages_with_an_arrow_or_a_dash_when_there_is_nothing_to_compare()
    {
        foreach (var format in new[] { English, Chinese })
        {
            Assert.Equal("12.3%", format.Percent(0.1234));
            Assert.Equal("0.0%", format.Percent(0));
            Assert.Equal("▲ 20.0%", format.Delta(new KpiDelta(120, 100)));
            Assert.Equal("▼ 25.0%", format.Delta(new KpiDelta(75, 100)));
            Assert.Equal("▲ 50.0%", format.Delta(new KpiDelta(-50, -100)));
            Assert.Equal("0.0%", format.Delta(new KpiDelta(100, 100)));
            Assert.Equal("—", format.Delta(new KpiDelta(100, 0)));
            Assert.Equal("—", format.Delta(new KpiDelta(0, 0)));
        }
    }

    [Fact]
    public void Days_read_in_the_reader_s_language()
    {
        var day = new DateOnly(2025, 3, 9);
        Assert.Equal("Mar 9", English.ShortDay(day));
        Assert.Equal("3/9", Chinese.ShortDay(day));
        Assert.Equal("2025/3/9", Chinese.Day(day));
    }

    [Fact]
    public void Long_ranges_get_thinned_day_labels_and_short_ones_every_label()
    {
        var days = Enumerable.Range(0, 90).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToList();
        var labels = SalesCharts.DayLabels(days, English);
        Assert.Equal(90, labels.Length);
        Assert.InRange(labels.Count(l => l != ""), 10, SalesCharts.MaxDayLabels);
        Assert.Equal("Jan 1", labels[0]);
        Assert.All(SalesCharts.DayLabels(days.Take(7).ToList(), English), l => Assert.NotEqual("", l));
    }

    [Theory]
    [InlineData(120, 100, true, Color.Success)]
    [InlineData(80, 100, true, Color.Error)]
    [InlineData(0.2, 0.1, false, Color.Error)]
    [InlineData(0.05, 0.1, false, Color.Success)]
    [InlineData(5, 0, true, Color.Default)]
    [InlineData(5, 5, true, Color.Default)]
    public void Delta_colours_follow_whether_higher_is_better(double current, double previous, bool higherIsBetter, Color expected) =>
        Assert.Equal(expected, KpiCard.ToneOf(new KpiDelta(current, previous), higherIsBetter));

    [Fact]
    public void The_export_is_the_period_s_days_as_invariant_csv()
    {
        var totals = new SalesTotals(new(2025, 3, 1), new(2025, 3, 2), 0, 0, 0, 0, 0,
            [new DayRevenue(new(2025, 3, 1), 129_950, 3), new DayRevenue(new(2025, 3, 2), 0, 0)]);

        Assert.Equal("day,net_revenue,orders\n2025-03-01,1299.50,3\n2025-03-02,0.00,0\n", SalesCsv.Daily(totals));
        Assert.StartsWith("data:text/csv;charset=utf-8,day%2Cnet_revenue", SalesCsv.DataUri(SalesCsv.Daily(totals)));
        Assert.Equal("sales-2025-03-01-2025-03-02.csv", SalesCsv.FileName(new SalesPeriod(new(2025, 3, 1), new(2025, 3, 2))));
    }
}
