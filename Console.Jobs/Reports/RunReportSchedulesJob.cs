using Console.Domain.Reports;
using Hangfire;

namespace Console.Jobs.Reports;

/// <summary>
/// Every quarter of an hour: renders and mails the scheduled reports that have fallen due in the business time zone. The
/// delivery rows (one per schedule and period) are the record, so a retried or repeated run mails no period twice.
/// </summary>
[AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class RunReportSchedulesJob(RunReportSchedules run)
{
    public async Task<string> ExecuteAsync(CancellationToken ct)
    {
        var summary = await run.ExecuteAsync(ct);
        return $"{summary.Due} due, {summary.Sent} sent, {summary.Failed} failed";
    }
}
