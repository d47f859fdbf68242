using Console.Domain.Experiments;
using Hangfire;

namespace Console.Jobs.Experiments;

/// <summary>
/// Every hour: stores a results snapshot of each running experiment, and a last one of each that stopped since. A run
/// repeated within the hour replaces that hour's snapshot, so a lost or retried run does no harm.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class RefreshExperimentResultsJob(RefreshExperimentResults refresh)
{
    public Task<int> ExecuteAsync(CancellationToken ct) => refresh.RunAsync(ct);
}
