using Console.Domain.Segments;
using Hangfire;

namespace Console.Jobs.Segments;

/// <summary>
/// Daily: refreshes the propensity scores rules filter on, then records every segment's size for the business day. Sizes
/// are keyed by segment and day in our tables, so a retried or repeated run replaces that day's row and never adds one.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 1800)]
public sealed class RecordSegmentSizesJob(RecordSegmentSizes sizes)
{
    public Task<int> ExecuteAsync(CancellationToken ct) => sizes.RunAsync(ct);
}
