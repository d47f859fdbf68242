using Console.Domain.Sales;
using Hangfire;

namespace Console.Jobs.Sales;

/// <summary>
/// Every minute: recomputes the funnel of each live session that got events or orders since the last run.
/// Progress lives in our live_funnel_progress row, so a lost or retried run only recomputes sessions again.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
// Overlap would be safe but wasted work: a second run waits for the first instead.
[DisableConcurrentExecution(timeoutInSeconds: 120)]
public sealed class RollupLiveFunnelJob(RollupLiveFunnel rollup)
{
    public Task<LiveFunnelRollupResult> ExecuteAsync(CancellationToken ct) => rollup.RunAsync(ct);
}
