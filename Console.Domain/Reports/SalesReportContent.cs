using Console.Domain.Coupons;
using Console.Domain.Experiments;
using Console.Domain.LiveSessions;
using Console.Domain.Partners;
using Console.Domain.Sales;
using Console.Domain.Surveys;

namespace Console.Domain.Reports;

/// <summary>A campaign and what its orders paid within the report's period (the days of its results page that fall in it).</summary>
public sealed record CampaignInPeriod(long Id, string Name, long Uses, long DiscountGiven, long NetRevenue);

/// <summary>An experiment stopped within the period, with the latest results its page shows (null before the first run).</summary>
public sealed record ConcludedExperiment(string Key, string Name, long Users, DateTime StoppedAt, ResultsSnapshot? Results);

/// <summary>A survey answered within the period: its NPS and themes over the period's responses, as its results page filters them.</summary>
public sealed record SurveyInPeriod(long Id, string Name, SurveyResultsAnswer Results);

/// <summary>
/// Everything a sales report shows, read through the same domain queries as the console's pages: the dashboard for the
/// headline figures, charts and splits, the live sessions list, the campaigns' results pages, the KOL leaderboard, the
/// experiments' stored results and the surveys' results.
/// </summary>
public sealed record SalesReportContent(
    SalesPeriod Period, string TimeZone, string Currency, DateTime GeneratedAtUtc, SalesDashboardFigures Sales,
    IReadOnlyDictionary<string, string> CategoryNames, IReadOnlyList<LiveSessionRow> BestSessions,
    IReadOnlyList<CampaignInPeriod> Coupons, IReadOnlyList<CampaignInPeriod> GroupBuys, IReadOnlyList<KolRoi> Kols,
    IReadOnlyList<ConcludedExperiment> Experiments, IReadOnlyList<SurveyInPeriod> Surveys);
