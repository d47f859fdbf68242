using Console.Domain.GroupBuys;
using Hangfire;

namespace Console.Jobs.GroupBuys;

/// <summary>Fails group-buy teams whose window has passed; their orders become refund_due. Safe to retry or rerun.</summary>
public sealed class ExpireGroupBuyTeamsJob(ExpireTeams expireTeams)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(60)]
    public async Task<string> ExecuteAsync(CancellationToken ct)
    {
        var result = await expireTeams.ExecuteAsync(ct);
        return $"{result.TeamsFailed} teams failed, {result.OrdersRefundDue} orders refund due";
    }
}
