using Console.Jobs.Experiments;
using Console.Jobs.GroupBuys;
using Console.Jobs.Sales;
using Hangfire;

namespace Console.Jobs;

/// <summary>Every recurring schedule, in one place; applied at start by each node that runs a job server.</summary>
public static class RecurringJobs
{
    public const string RollupDailySales = "sales-rollup-daily";
    public const string RollupLiveFunnel = "sales-rollup-live-funnel";
    public const string ExpireGroupBuyTeams = "group-buys-expire";
    public const string RefreshExperimentResults = "experiments-refresh-results";

    public static IReadOnlyList<string> Ids { get; } = [RollupDailySales, RollupLiveFunnel, ExpireGroupBuyTeams, RefreshExperimentResults];

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<RollupDailySalesJob>(RollupDailySales, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<ExpireGroupBuyTeamsJob>(ExpireGroupBuyTeams, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<RollupLiveFunnelJob>(RollupLiveFunnel, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<RefreshExperimentResultsJob>(RefreshExperimentResults, j => j.ExecuteAsync(CancellationToken.None), Cron.Hourly(), new RecurringJobOptions());
    }
}
