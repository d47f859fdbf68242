using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Coupons;
using Console.Domain.Courses;
using Console.Domain.Data;
using Console.Domain.LiveSessions;
using Console.Domain.Partners;
using Console.Domain.Reports;
using Console.Domain.Sales;

namespace Console.Tests.Reports;

/// <summary>
/// A report requested through the API and rendered by the job's use case holds, as extractable text, the same figures the
/// dashboard and the results pages show for the same days, written the way those pages write them, in both languages.
/// </summary>
public sealed class ReportFiguresTests(ReportStore store) : IClassFixture<ReportStore>
{
    private static readonly SalesPeriod Period = ReportStore.February;

    [Theory]
    [InlineData(ReportLanguages.English, "en")]
    [InlineData(ReportLanguages.Chinese, "zh-Hans")]
    public async Task The_pdf_holds_the_dashboards_figures_as_text(string language, string uiCulture)
    {
        var (pdf, answer) = await RenderThroughApiAsync(language);
        var text = string.Concat(ReportStore.PageTexts(pdf));
        var format = new SalesFormat(CultureInfo.GetCultureInfo(uiCulture));
        var words = ReportWords.For(language);
        var d = await store.App.Service<SalesDashboard>().GetAsync(Period);
        Assert.True(d.Current.Totals.Orders > 100, $"the store should have sold in February, has {d.Current.Totals.Orders} orders");

        // The cover: each tile reads label, figure, delta against the previous period.
        AssertTile(words["Kpi.NetRevenue"], format.Money(d.Current.Totals.NetRevenue), format.Delta(d.NetRevenue));
        AssertTile(words["Kpi.Orders"], format.Count(d.Current.Totals.Orders), format.Delta(d.Orders));
        AssertTile(words["Kpi.PayingCustomers"], format.Count(d.Current.Totals.PayingCustomers), format.Delta(d.PayingCustomers));
        AssertTile(words["Kpi.AverageOrderValue"], format.Money(d.Current.Totals.AverageOrderValue), format.Delta(d.AverageOrderValue));
        AssertTile(words["Kpi.RefundRate"], format.Percent(d.Current.Totals.RefundRate), format.Delta(d.RefundRate));
        AssertTile(words["Kpi.LiveConversion"], format.Percent(d.Funnel.Conversion), format.Delta(d.LiveConversion));

        // Every day against its day of the previous period, as table rows.
        for (var i = 0; i < d.Current.Totals.RevenueByDay.Count; i++)
        {
            var (day, before) = (d.Current.Totals.RevenueByDay[i], d.Previous.RevenueByDay[i]);
            Assert.Contains(format.Day(day.Day) + format.Money(day.NetRevenue) + format.Count(day.Orders)
                + format.Day(before.Day) + format.Money(before.NetRevenue) + format.Count(before.Orders), text);
        }

        var categories = store.App.Service<CategoryNames>();
        var culture = CultureInfo.GetCultureInfo(uiCulture);
        foreach (var c in d.Current.RevenueByCategory)
            Assert.Contains((c.Category is null ? words["Category.None"] : categories.Name(c.Category, culture))
                + format.Money(c.NetRevenue) + format.Count(c.Orders), text);
        foreach (var c in d.Current.RevenueByChannel)
            Assert.Contains(words.Channel(c.Channel) + format.Money(c.NetRevenue) + format.Count(c.Orders), text);
        foreach (var c in d.Current.TopCourses)
            Assert.Contains(format.Money(c.NetRevenue) + format.Count(c.Orders), text);
        Assert.Contains(words["Live.Viewers"] + format.Count(d.Funnel.Viewers) + format.Count(d.PreviousFunnel.Viewers), text);
        Assert.Contains(words["Live.Buyers"] + format.Count(d.Funnel.Buyers) + format.Count(d.PreviousFunnel.Buyers), text);

        // The live sessions list ranked by revenue over the same days.
        var sessions = (await store.App.Service<LiveSessionList>().QueryAsync(
            new LiveSessionQuery(Sort: LiveSessionSort.Revenue, Days: new DayRange(Period.From, Period.To)), 0, 10)).Rows;
        Assert.NotEmpty(sessions);
        foreach (var s in sessions)
            Assert.Contains(format.Count(s.Viewers) + format.Count(s.Buyers) + format.Percent(s.Conversion) + format.Count(s.Orders)
                + format.Money(s.NetRevenue), text);

        // Campaigns: their results pages' days that fall in February.
        var couponsUsed = 0;
        foreach (var c in (await store.App.Service<ListCouponCampaigns>().PageAsync(null, 0, 200)).Rows)
        {
            var days = (await store.App.Service<CouponCampaignResults>().LoadAsync(c.Id)).Days.Where(x => x.Day >= Period.From && x.Day <= Period.To).ToList();
            if (days.Sum(x => x.Uses) == 0) continue;
            couponsUsed++;
            Assert.Contains(format.Count(days.Sum(x => x.Uses)) + format.Money(days.Sum(x => x.DiscountGiven)) + format.Money(days.Sum(x => x.NetRevenue)), text);
        }
        Assert.True(couponsUsed > 0, "the demo's coupons should have been used in February");

        // The KOL leaderboard of the ROI page for the same days.
        var time = store.App.Service<BusinessTime>();
        var kols = (await store.App.Service<RoiLeaderboard>().ForPeriodAsync(time.StartOfDayUtc(Period.From), time.StartOfDayUtc(Period.To.AddDays(1))))
            .Where(k => k.Orders > 0).OrderByDescending(k => k.NetRevenue).ThenBy(k => k.KolId).Take(SalesReportData.KolCount).ToList();
        Assert.NotEmpty(kols);
        foreach (var k in kols) Assert.Contains(k.Name + format.Count(k.Orders) + format.Money(k.NetRevenue) + format.Money(k.Commission), text);

        Assert.Contains(words["Report.Title"], text);
        Assert.Contains(words["Section.Method"], text);
        Assert.Contains(words.Format("Report.PageOf", answer.Pages!.Value, answer.Pages!.Value), text);
        if (language == ReportLanguages.Chinese) Assert.Contains("数据口径说明", text);

        void AssertTile(string label, string figure, string delta) => Assert.Contains(label + figure + delta, text);
    }

    [Fact]
    public async Task Fonts_are_embedded_as_truetype_subsets_and_the_report_stays_small()
    {
        foreach (var language in ReportLanguages.All)
        {
            var (pdf, answer) = await RenderThroughApiAsync(language);
            Assert.True(pdf.Length < 1_000_000, $"{language}: {pdf.Length:N0} bytes");
            Assert.Equal((long)pdf.Length, answer.Bytes);
            var fonts = PdfFonts.Read(pdf);
            Assert.NotEmpty(fonts);
            foreach (var font in fonts)
            {
                Assert.Equal("Type0", font.Subtype);
                Assert.Matches("^[A-Z]{6}\\+LXGW WenKai", font.BaseFont);
                Assert.True(font.FontFile2Bytes > 0, $"{font.BaseFont} has no FontFile2");
                // The whole face is 15.7 MB: a subset of the glyphs used is a small fraction of it.
                Assert.True(font.FontFile2Bytes < 400_000, $"{font.BaseFont}: {font.FontFile2Bytes:N0} bytes embedded");
            }
        }
    }

    [Fact]
    public async Task The_pdf_is_refused_as_not_ready_until_the_job_has_rendered_it()
    {
        var client = await store.App.ClientWithKeyAsync(ApiKeyScope.Manage);
        var id = await RequestAsync(client, ReportLanguages.English);
        var early = await client.GetAsync($"/api/v1/reports/{id}.pdf");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await early.Content.ReadAsStringAsync());
        Assert.Equal(ReportRefusals.NotReady, problem.RootElement.GetProperty("code").GetString());
        var queued = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}");
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal(0, queued.GetProperty("progress").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/reports/987654.pdf")).StatusCode);
        var outcome = await store.App.Service<RenderReport>().ExecuteAsync(id);
        Assert.True(outcome is RenderReport.Outcome.Done, outcome.ToString());
        var ready = await client.GetAsync($"/api/v1/reports/{id}.pdf");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/pdf", ready.Content.Headers.ContentType?.MediaType);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?take=100");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id && r.GetProperty("status").GetString() == "done");
    }

    private async Task<(byte[] Pdf, Report Answer)> RenderThroughApiAsync(string language)
    {
        var client = await store.App.ClientWithKeyAsync(ApiKeyScope.Manage);
        var id = await RequestAsync(client, language);
        var outcome = await store.App.Service<RenderReport>().ExecuteAsync(id);
        Assert.True(outcome is RenderReport.Outcome.Done, outcome.ToString());
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}");
        Assert.Equal("done", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("progress").GetDouble());
        var response = await client.GetAsync($"/api/v1/reports/{id}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(status.GetProperty("pages").GetInt32(), ReportStore.PageTexts(pdf).Count);
        return (pdf, (await store.App.Service<ReportArchive>().FindAsync(id))!);
    }

    private static async Task<long> RequestAsync(HttpClient client, string language)
    {
        var response = await client.PostAsJsonAsync("/api/v1/reports",
            new { kind = "sales", from = Period.From.ToString("yyyy-MM-dd"), to = Period.To.ToString("yyyy-MM-dd"), language });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
