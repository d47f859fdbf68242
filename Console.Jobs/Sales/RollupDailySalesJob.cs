using Console.Domain.Sales;
using Hangfire;

namespace Console.Jobs.Sales;

/// <summary>
/// Every minute: counts new orders and refunds into the daily rollups. The work lives in the rolled_up
/// flags of our tables, so a lost, retried or overlapping run never counts a row twice.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
// Overlap would be safe but wasted work: a second run waits for the first instead.
[DisableConcurrentExecution(timeoutInSeconds: 120)]
public sealed class RollupDailySalesJob(RollupDailySales rollup)
{
    public Task<RollupResult> ExecuteAsync(CancellationToken ct) => rollup.RunAsync(ct: ct);
}
