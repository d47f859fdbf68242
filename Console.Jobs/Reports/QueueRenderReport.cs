using Console.Domain.Reports;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Console.Jobs.Reports;

/// <summary>
/// Queues the render job of a stored report. When the job store refuses the job or does not take it within
/// Reports:QueueSeconds (its SQLite file locked by another node waits out a long busy timeout), the report is failed with
/// that reason, so that no report waits for a job that never comes and the caller answers with a problem, not an error.
/// A job that the store takes after all finds its report failed and renders nothing.
/// </summary>
public sealed class QueueRenderReport(IBackgroundJobClient jobs, RenderReport render, ReportOptions options, ILogger<QueueRenderReport> logger)
{
    public const string Reason = "The render job could not be queued; request the report again.";

    public async Task<bool> ExecuteAsync(long reportId, CancellationToken ct = default)
    {
        try
        {
            await Task.Run(() => jobs.Enqueue<RenderReportJob>(j => j.ExecuteAsync(reportId, CancellationToken.None)), CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(options.QueueSeconds), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Queuing the render job of report {ReportId} failed.", reportId);
            await render.FailAsync(reportId, Reason, CancellationToken.None);
            return false;
        }
    }
}
