using Console.Jobs.GroupBuys;
using Console.Jobs.Models;
using Console.Jobs.Sales;
using Hangfire;

namespace Console.Jobs;

/// <summary>Every recurring schedule, in one place; applied at start by each node that runs a job server.</summary>
public static class RecurringJobs
{
    public const string RollupDailySales = "sales-rollup-daily";
    public const string RollupLiveFunnel = "sales-rollup-live-funnel";
    public const string ExpireGroupBuyTeams = "group-buys-expire";
    public const string TrainPropensity = "models-train-propensity";
    public const string TrainInteraction = "models-train-interaction";
    public const string TrainRecommender = "models-train-recommender";

    public static IReadOnlyList<string> Ids { get; } = [RollupDailySales, RollupLiveFunnel, ExpireGroupBuyTeams, TrainPropensity, TrainInteraction, TrainRecommender];

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<RollupDailySalesJob>(RollupDailySales, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<ExpireGroupBuyTeamsJob>(ExpireGroupBuyTeams, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<RollupLiveFunnelJob>(RollupLiveFunnel, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<TrainModelJob>(TrainPropensity, j => j.ExecuteAsync("propensity", CancellationToken.None), Cron.Daily(2), new RecurringJobOptions());
        jobs.AddOrUpdate<TrainModelJob>(TrainInteraction, j => j.ExecuteAsync("interaction", CancellationToken.None), Cron.Daily(2, 30), new RecurringJobOptions());
        jobs.AddOrUpdate<TrainModelJob>(TrainRecommender, j => j.ExecuteAsync("recommender", CancellationToken.None), Cron.Daily(3), new RecurringJobOptions());
    }
}
