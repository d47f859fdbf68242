using Console.Domain.Events;
using Hangfire;

namespace Console.Jobs.Events;

/// <summary>
/// Daily: removes raw events past the retention set on the privacy page. Re-entrant: each batch deletes only what is
/// still past the cut-off, so a retried or repeated run removes what is left and nothing else.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 3600)]
public sealed class PurgeOldEventsJob(PurgeOldEvents purge)
{
    public async Task<int> ExecuteAsync(CancellationToken ct) => (await purge.RunAsync(ct)).Events;
}
