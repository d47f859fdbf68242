using System.Globalization;
using Console.Domain.Reports;
using Console.Domain.Sales;

namespace Console.Tests.Reports;

/// <summary>The report writes its words in both languages and its figures exactly as the dashboard does.</summary>
public sealed class ReportTextTests
{
    [Fact]
    public void Both_languages_have_the_same_words_and_chinese_ones_are_chinese()
    {
        var (english, chinese) = ReportWords.Keys;
        Assert.Equal(english.Order(), chinese.Order());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", ReportWords.For(ReportLanguages.Chinese)["Report.Title"]);
        foreach (var key in ReportWords.MethodKeys)
        {
            Assert.Contains(key, english);
            Assert.Contains(key + ".Title", english);
        }
    }

    [Theory]
    [InlineData(ReportLanguages.English, "en")]
    [InlineData(ReportLanguages.Chinese, "zh-Hans")]
    public void The_report_s_language_writes_figures_as_the_dashboard_does_in_the_same_language(string language, string uiCulture)
    {
        var report = new SalesFormat(ReportLanguages.Culture(language), "CNY");
        var page = new SalesFormat(CultureInfo.GetCultureInfo(uiCulture));
        foreach (var fen in new long[] { 0, 1, 129_900, -1_250, 123_456_789, 10_000_000_000 })
            Assert.Equal(page.Money(fen), report.Money(fen));
        Assert.Equal("¥1,299.00", report.Money(129_900));
        foreach (var n in new long[] { 0, 7, 12_345, 1_234_567 }) Assert.Equal(page.Count(n), report.Count(n));
        foreach (var share in new[] { 0, 0.1234, 1, 0.0005 }) Assert.Equal(page.Percent(share), report.Percent(share));
        foreach (var delta in new[] { new KpiDelta(120, 100), new KpiDelta(75, 100), new KpiDelta(1, 0), new KpiDelta(5, 5) })
            Assert.Equal(page.Delta(delta), report.Delta(delta));
        Assert.Equal(page.Day(new DateOnly(2026, 2, 1)), report.Day(new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void Weekly_and_monthly_runs_cover_the_week_or_month_before_their_day()
    {
        var weekly = new ReportSchedule { Cadence = ReportCadences.Weekly, DayOfWeek = 1, Hour = 8 };
        // Wednesday 9 December 2026: the last run was Monday the 7th at 08:00, for Monday 30 November to Sunday 6 December.
        Assert.Equal(new ScheduledRun(new DateTime(2026, 12, 7, 8, 0, 0), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)),
            ScheduledRun.Latest(weekly, new DateTime(2026, 12, 9, 10, 0, 0)));
        // Monday the 7th at 07:59 is before that run: the one before it counts.
        Assert.Equal(new DateOnly(2026, 11, 23), ScheduledRun.Latest(weekly, new DateTime(2026, 12, 7, 7, 59, 0)).From);
        Assert.Equal(new DateOnly(2026, 11, 30), ScheduledRun.Latest(weekly, new DateTime(2026, 12, 7, 8, 0, 0)).From);

        var monthly = new ReportSchedule { Cadence = ReportCadences.Monthly, DayOfMonth = 3, Hour = 6 };
        Assert.Equal(new ScheduledRun(new DateTime(2026, 12, 3, 6, 0, 0), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)),
            ScheduledRun.Latest(monthly, new DateTime(2026, 12, 5, 0, 0, 0)));
        Assert.Equal(new ScheduledRun(new DateTime(2026, 2, 3, 6, 0, 0), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)),
            ScheduledRun.Latest(monthly, new DateTime(2026, 3, 3, 5, 0, 0)));
        Assert.Equal(new DateOnly(2026, 2, 28), ScheduledRun.Latest(monthly, new DateTime(2026, 3, 3, 6, 0, 0)).To);
    }

    [Fact]
    public void A_request_is_checked_field_by_field_in_one_pass()
    {
        var today = new DateOnly(2026, 12, 5);
        Assert.True(RequestReport.Check(new ReportInput("sales", today.AddDays(-6), today, "zh-Hans"), today).Valid);
        var errors = RequestReport.Check(new ReportInput("csv", null, today.AddDays(1), "fr"), today);
        Assert.Equal(["from", "kind", "language", "to"], errors.Select(e => e.Field).Distinct().Order());
        Assert.Contains(RequestReport.Check(new ReportInput("sales", today, today.AddDays(-1)), today), e => e.Field == "to" && e.Code == "at_least");
        Assert.Contains(RequestReport.Check(new ReportInput("sales", today.AddDays(-800), today), today), e => e.Field == "to" && e.Code == "between");
    }
}
