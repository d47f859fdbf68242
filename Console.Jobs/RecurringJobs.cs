using Console.Jobs.Email;
using Console.Jobs.Events;
using Console.Jobs.Experiments;
using Console.Jobs.GroupBuys;
using Console.Jobs.Models;
using Console.Jobs.Partners;
using Console.Jobs.Reports;
using Console.Jobs.Sales;
using Console.Jobs.Segments;
using Console.Jobs.Surveys;
using Console.Jobs.Text;
using Hangfire;

namespace Console.Jobs;

/// <summary>Every recurring schedule, in one place; applied at start by each node that runs a job server.</summary>
public static class RecurringJobs
{
    public const string RollupDailySales = "sales-rollup-daily";
    public const string RollupLiveFunnel = "sales-rollup-live-funnel";
    public const string ExpireGroupBuyTeams = "group-buys-expire";
    public const string RetrainSentiment = "text-sentiment-retrain";
    public const string TrainPropensity = "models-train-propensity";
    public const string TrainInteraction = "models-train-interaction";
    public const string SurveySessionLinks = "surveys-session-links";
    public const string AnalyseSurveys = "surveys-analyse";
    public const string SettleCommissions = "partners-settle-commissions";
    public const string DraftPayout = "partners-draft-payout";
    public const string RefreshExperimentResults = "experiments-refresh-results";
    public const string TrainRecommender = "models-train-recommender";
    public const string RecordSegmentSizes = "segments-record-sizes";
    public const string RunReportSchedules = "reports-run-schedules";
    public const string EmailDispatch = "email-dispatch";
    public const string PurgeOldEvents = "events-retention";

    public static IReadOnlyList<string> Ids { get; } = [RollupDailySales, RollupLiveFunnel, ExpireGroupBuyTeams, RetrainSentiment, TrainPropensity, TrainInteraction, SurveySessionLinks, AnalyseSurveys, SettleCommissions, DraftPayout, RefreshExperimentResults, TrainRecommender, RecordSegmentSizes, RunReportSchedules, EmailDispatch, PurgeOldEvents];

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<RollupDailySalesJob>(RollupDailySales, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<ExpireGroupBuyTeamsJob>(ExpireGroupBuyTeams, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<RollupLiveFunnelJob>(RollupLiveFunnel, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<RetrainSentimentJob>(RetrainSentiment, j => j.ExecuteAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Sunday, 3), new RecurringJobOptions());
        jobs.AddOrUpdate<TrainModelJob>(TrainPropensity, j => j.ExecuteAsync("propensity", CancellationToken.None), Cron.Daily(2), new RecurringJobOptions());
        jobs.AddOrUpdate<TrainModelJob>(TrainInteraction, j => j.ExecuteAsync("interaction", CancellationToken.None), Cron.Daily(2, 30), new RecurringJobOptions());
        jobs.AddOrUpdate<CreateSessionLinksJob>(SurveySessionLinks, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<AnalyseSurveysJob>(AnalyseSurveys, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<SettleCommissionsJob>(SettleCommissions, j => j.ExecuteAsync(CancellationToken.None), Cron.Hourly(), new RecurringJobOptions());
        jobs.AddOrUpdate<DraftPayoutJob>(DraftPayout, j => j.ExecuteAsync(CancellationToken.None), Cron.Monthly(1, 2), new RecurringJobOptions());
        jobs.AddOrUpdate<RefreshExperimentResultsJob>(RefreshExperimentResults, j => j.ExecuteAsync(CancellationToken.None), Cron.Hourly(), new RecurringJobOptions());
        jobs.AddOrUpdate<TrainModelJob>(TrainRecommender, j => j.ExecuteAsync("recommender", CancellationToken.None), Cron.Daily(3), new RecurringJobOptions());
        jobs.AddOrUpdate<RecordSegmentSizesJob>(RecordSegmentSizes, j => j.ExecuteAsync(CancellationToken.None), Cron.Daily(3, 30), new RecurringJobOptions());
        jobs.AddOrUpdate<RunReportSchedulesJob>(RunReportSchedules, j => j.ExecuteAsync(CancellationToken.None), "*/15 * * * *", new RecurringJobOptions());
        jobs.AddOrUpdate<EmailDispatchJob>(EmailDispatch, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<PurgeOldEventsJob>(PurgeOldEvents, j => j.ExecuteAsync(CancellationToken.None), Cron.Daily(4), new RecurringJobOptions());
    }
}
