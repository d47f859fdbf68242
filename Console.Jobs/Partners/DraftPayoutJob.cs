using Console.Domain.Partners;
using Hangfire;

namespace Console.Jobs.Partners;

/// <summary>
/// Monthly: a draft payout of the lines approved up to the end of last month, for a Manager to approve. A month that
/// already has its draft gets none again, so a retry or a manual run is harmless.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class DraftPayoutJob(MonthlyPayout monthly)
{
    public async Task<string> ExecuteAsync(CancellationToken ct)
    {
        var id = await monthly.ExecuteAsync(ct);
        return id is { } created ? $"draft payout {created}" : "this month's draft payout already exists";
    }
}
