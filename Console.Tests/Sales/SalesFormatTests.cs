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
    public void Counts_in_words_say_one_day_and_seven_days_and_chinese_has_one_form()
    {
        var en = Strings(CultureInfo.GetCultureInfo("en"));
        Assert.Equal("1 day", English.Counted(en, "Sales.Days", 1));
        Assert.Equal("7 days", English.Counted(en, "Sales.Days", 7));
        Assert.Equal("1,200 live sessions", English.Counted(en, "Sales.Funnel.Sessions", 1200));
        Assert.Equal("1 live session", English.Counted(en, "Sales.Funnel.Sessions", 1));
        var zh = Strings(CultureInfo.GetCultureInfo("zh-Hans"));
        Assert.Equal("1 天", Chinese.Counted(zh, "Sales.Days", 1));
        Assert.Equal("30 天", Chinese.Counted(zh, "Sales.Days", 30));
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
    public void The_export_is_the_period_s_days_beside_the_previous_period_s_as_invariant_csv()
    {
        var current = new SalesTotals(new(2025, 3, 1), new(2025, 3, 2), 0, 0, 0, 0, 0,
            [new DayRevenue(new(2025, 3, 1), 129_950, 3), new DayRevenue(new(2025, 3, 2), 0, 0)]);
        var previous = new SalesTotals(new(2025, 2, 27), new(2025, 2, 28), 0, 0, 0, 0, 0,
            [new DayRevenue(new(2025, 2, 27), 1_000, 1), new DayRevenue(new(2025, 2, 28), 2_500, 2)]);

        Assert.Equal(SalesCsv.Header + "2025-03-01,1299.50,3,,2025-02-27,10.00,1,\n2025-03-02,0.00,0,,2025-02-28,25.00,2,\n",
            SalesCsv.Daily(current, previous, null));
        Assert.StartsWith("data:text/csv;charset=utf-8,day%2Cnet_revenue", SalesCsv.DataUri(SalesCsv.Daily(current, previous, null)));
        Assert.Equal("sales-2025-03-01-2025-03-02.csv", SalesCsv.FileName(new SalesPeriod(new(2025, 3, 1), new(2025, 3, 2))));
    }

    [Fact]
    public void A_period_ending_today_marks_both_last_days_with_the_time_they_run_until()
    {
        var current = new SalesTotals(new(2025, 3, 31), new(2025, 3, 31), 0, 0, 0, 0, 0, [new DayRevenue(new(2025, 3, 31), 500, 1)]);
        var previous = new SalesTotals(new(2025, 3, 30), new(2025, 3, 30), 0, 0, 0, 0, 0, [new DayRevenue(new(2025, 3, 30), 700, 2)]);

        var csv = SalesCsv.Daily(current, previous, new DayCut(new TimeOnly(11, 0), TimeSpan.FromHours(11)));

        Assert.Equal(SalesCsv.Header + "2025-03-31,5.00,1,11:00,2025-03-30,7.00,2,11:00\n", csv);
    }

    private static Microsoft.Extensions.Localization.IStringLocalizer Strings(CultureInfo culture)
    {
        var factory = new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return new CultureLocalizer(factory.Create(typeof(Console.Web.Resources.SalesStrings)), culture);
    }

    /// <summary>Reads the strings of one culture whatever the thread's culture is.</summary>
    private sealed class CultureLocalizer(Microsoft.Extensions.Localization.IStringLocalizer inner, CultureInfo culture)
        : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => With(() => inner[name]);
        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => With(() => inner[name, arguments]);
        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private T With<T>(Func<T> read)
        {
            var saved = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try { return read(); }
            finally { CultureInfo.CurrentUICulture = saved; }
        }
    }
}
