using Console.Jobs.GroupBuys;
using Console.Jobs.Partners;
using Console.Jobs.Sales;
using Hangfire;

namespace Console.Jobs;

/// <summary>Every recurring schedule, in one place; applied at start by each node that runs a job server.</summary>
public static class RecurringJobs
{
    public const string RollupDailySales = "sales-rollup-daily";
    public const string RollupLiveFunnel = "sales-rollup-live-funnel";
    public const string ExpireGroupBuyTeams = "group-buys-expire";
    public const string SettleCommissions = "partners-settle-commissions";
    public const string DraftPayout = "partners-draft-payout";

    public static IReadOnlyList<string> Ids { get; } = [RollupDailySales, RollupLiveFunnel, ExpireGroupBuyTeams, SettleCommissions, DraftPayout];

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<RollupDailySalesJob>(RollupDailySales, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<ExpireGroupBuyTeamsJob>(ExpireGroupBuyTeams, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<RollupLiveFunnelJob>(RollupLiveFunnel, j => j.ExecuteAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.AddOrUpdate<SettleCommissionsJob>(SettleCommissions, j => j.ExecuteAsync(CancellationToken.None), Cron.Hourly(), new RecurringJobOptions());
        jobs.AddOrUpdate<DraftPayoutJob>(DraftPayout, j => j.ExecuteAsync(CancellationToken.None), Cron.Monthly(1, 2), new RecurringJobOptions());
    }
}
