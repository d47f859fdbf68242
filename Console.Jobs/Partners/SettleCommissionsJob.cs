using Console.Domain.Partners;
using Hangfire;

namespace Console.Jobs.Partners;

/// <summary>
/// Hourly: applies the tiers of closed months as adjustment lines and approves commission lines past their holding period.
/// The work and its progress live in our tables (month closes, line states), so a retried or repeated run writes nothing twice.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class SettleCommissionsJob(SettleCommissions settle)
{
    public async Task<string> ExecuteAsync(CancellationToken ct)
    {
        var result = await settle.ExecuteAsync(ct);
        return $"{result.MonthsClosed} months closed, {result.Adjustments} adjustments, {result.Approved} lines approved";
    }
}
