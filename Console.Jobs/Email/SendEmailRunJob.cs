using Console.Domain.Email;
using Hangfire;

namespace Console.Jobs.Email;

/// <summary>
/// Sends one frozen run. Several may run for one run on different nodes: recipients are claimed row by row, so they
/// share the work instead of repeating it. A retry after a crash picks up what is still queued.
/// </summary>
public sealed class SendEmailRunJob(SendEmailRun send)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task<string> ExecuteAsync(long runId, CancellationToken ct)
    {
        var outcome = await send.ExecuteAsync(runId, ct);
        return $"run {runId}: {outcome.Status}, {outcome.Sent} sent, {outcome.Failed} failed, {outcome.Retried} to retry";
    }
}
