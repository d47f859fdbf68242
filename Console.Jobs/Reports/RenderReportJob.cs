using Console.Domain.Reports;
using Hangfire;

namespace Console.Jobs.Reports;

/// <summary>
/// Renders one requested report. Its state and progress live in the reports table, so a retried run of a finished or
/// failed report does nothing; a failure is stored with its reason and also fails the job, so the jobs page shows it.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class RenderReportJob(RenderReport render)
{
    public async Task<string> ExecuteAsync(long reportId, CancellationToken ct) => await render.ExecuteAsync(reportId, ct) switch
    {
        RenderReport.Outcome.Done d => $"report {reportId}: {d.Report.Pages} pages, {d.Report.Bytes:N0} bytes",
        RenderReport.Outcome.Failed f => throw new InvalidOperationException($"Report {reportId} failed: {f.Reason}"),
        _ => $"report {reportId} not found",
    };
}
