using System.Globalization;
using Console.Domain.Coupons;
using Console.Domain.Courses;
using Console.Domain.Data;
using Console.Domain.Experiments;
using Console.Domain.GroupBuys;
using Console.Domain.LiveSessions;
using Console.Domain.Partners;
using Console.Domain.Sales;
using Console.Domain.Surveys;

namespace Console.Domain.Reports;

/// <summary>Gathers a sales report's content from the queries behind the dashboard and the results pages; computes nothing of its own.</summary>
public sealed class SalesReportData(
    SalesDashboard dashboard, LiveSessionList sessions, ListCouponCampaigns coupons, CouponCampaignResults couponResults,
    ListGroupBuyCampaigns groupBuys, GroupBuyResults groupBuyResults, RoiLeaderboard kols, ListExperiments experiments,
    ExperimentSnapshots snapshots, ListSurveys surveys, SurveyResults surveyResults, CategoryNames categories,
    BusinessTime time, BusinessOptions business, TimeProvider clock)
{
    public const int BestSessionCount = 10;
    public const int KolCount = 15;
    private const int CampaignScan = 200;

    /// <summary>Reads the report's content; <paramref name="progress"/> hears the share done (0..1) after each part.</summary>
    public async Task<SalesReportContent> ReadAsync(SalesPeriod period, string language, Func<double, Task> progress, CancellationToken ct)
    {
        var culture = ReportLanguages.Culture(language);
        var sales = await dashboard.GetAsync(period, ct);
        await progress(0.3);
        var names = sales.Current.RevenueByCategory.Select(c => c.Category).Concat(sales.Current.TopCourses.Select(c => c.Category))
            .OfType<string>().Distinct().ToDictionary(c => c, c => categories.Name(c, culture));
        var best = (await sessions.QueryAsync(new LiveSessionQuery(Sort: LiveSessionSort.Revenue, Descending: true,
            Days: new DayRange(period.From, period.To)), 0, BestSessionCount, ct)).Rows;
        await progress(0.4);
        var couponRows = (await coupons.PageAsync(null, 0, CampaignScan, ct)).Rows;
        var inPeriodCoupons = new List<CampaignInPeriod>();
        foreach (var c in couponRows)
            if (InPeriod(c.Id, c.Name, await couponResults.LoadAsync(c.Id, ct), period) is { } row) inPeriodCoupons.Add(row);
        var groupRows = (await groupBuys.PageAsync(null, 0, CampaignScan, ct)).Rows;
        var inPeriodGroups = new List<CampaignInPeriod>();
        foreach (var g in groupRows)
            if (InPeriod(g.Id, g.Name, await groupBuyResults.LoadAsync(g.Id, ct), period) is { } row) inPeriodGroups.Add(row);
        await progress(0.5);
        var leaderboard = (await kols.ForPeriodAsync(time.StartOfDayUtc(period.From), time.StartOfDayUtc(period.To.AddDays(1)), null, ct))
            .Where(k => k.Orders > 0).OrderByDescending(k => k.NetRevenue).ThenBy(k => k.KolId).Take(KolCount).ToList();
        var concluded = await ConcludedAsync(period, ct);
        var answered = await SurveysAsync(period, ct);
        await progress(0.6);
        return new SalesReportContent(period, business.TimeZone, business.Currency, clock.GetUtcNow().UtcDateTime, sales, names, best,
            Ranked(inPeriodCoupons), Ranked(inPeriodGroups), leaderboard, concluded, answered);
    }

    private static CampaignInPeriod? InPeriod(long id, string name, CampaignResults results, SalesPeriod period)
    {
        var days = results.Days.Where(d => d.Day >= period.From && d.Day <= period.To).ToList();
        var uses = days.Sum(d => d.Uses);
        return uses == 0 ? null : new CampaignInPeriod(id, name, uses, days.Sum(d => d.DiscountGiven), days.Sum(d => d.NetRevenue));
    }

    private static List<CampaignInPeriod> Ranked(List<CampaignInPeriod> rows) =>
        rows.OrderByDescending(c => c.NetRevenue).ThenBy(c => c.Id).ToList();

    private async Task<List<ConcludedExperiment>> ConcludedAsync(SalesPeriod period, CancellationToken ct)
    {
        var (from, until) = (time.StartOfDayUtc(period.From), time.StartOfDayUtc(period.To.AddDays(1)));
        var rows = (await experiments.ExecuteAsync(ListExperiments.Sort.Newest, true, 0, 200, ct)).Rows
            .Where(e => e.Status == ExperimentStatus.Stopped && e.StoppedAt is { } s && s >= from && s < until);
        var list = new List<ConcludedExperiment>();
        foreach (var e in rows)
            list.Add(new ConcludedExperiment(e.Key, e.Name, e.Users, e.StoppedAt!.Value, (await snapshots.LatestAsync(e.Key, ct))?.Snapshot));
        return list.OrderBy(e => e.StoppedAt).ToList();
    }

    private async Task<List<SurveyInPeriod>> SurveysAsync(SalesPeriod period, CancellationToken ct)
    {
        var list = new List<SurveyInPeriod>();
        foreach (var s in (await surveys.PageAsync(null, 0, 100, ct)).Rows)
            if (await surveyResults.ReadAsync(s.Id, new ResultsFilter(period.From, period.To), ct) is { Responses: > 0 } results)
                list.Add(new SurveyInPeriod(s.Id, s.Name, results));
        return list;
    }
}
