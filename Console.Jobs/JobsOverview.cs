using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;

namespace Console.Jobs;

/// <summary>One recurring job as operators read it: when it last ran, how long the work itself took, when it runs next.</summary>
public sealed record JobSummary(string Id, string Cron, DateTime? LastRunUtc, string? LastState, TimeSpan? RunTime,
    DateTime? NextRunUtc, IReadOnlyList<JobFailure> RecentFailures, string? Error);

public sealed record JobFailure(string JobId, DateTime FailedAtUtc, string Message);

/// <summary>
/// Reads the recurring jobs from Hangfire's storage for the console's Jobs page. Run time is the job's own duration
/// (Hangfire's PerformanceDuration), not the time it waited in the queue.
/// </summary>
public sealed class JobsOverview(JobStorage storage)
{
    private const int FailuresScanned = 200;
    private const int FailuresShown = 5;

    public IReadOnlyList<JobSummary> List()
    {
        using var connection = storage.GetConnection();
        var monitoring = storage.GetMonitoringApi();
        var failed = monitoring.FailedJobs(0, FailuresScanned);
        return connection.GetRecurringJobs()
            .Where(r => !r.Removed)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => Summarise(r, monitoring, failed))
            .ToList();
    }

    private static JobSummary Summarise(RecurringJobDto job, IMonitoringApi monitoring, JobList<FailedJobDto> failed)
    {
        TimeSpan? runTime = null;
        if (job.LastJobId is { } last && monitoring.JobDetails(last) is { } details)
        {
            var succeeded = details.History.FirstOrDefault(h => h.StateName == "Succeeded");
            if (succeeded?.Data is { } data && data.TryGetValue("PerformanceDuration", out var ms)
                && long.TryParse(ms, NumberStyles.Integer, CultureInfo.InvariantCulture, out var duration))
                runTime = TimeSpan.FromMilliseconds(duration);
        }
        var failures = failed
            .Where(f => f.Value?.Job is { } j && job.Job is { } r && j.Type == r.Type && j.Method.Name == r.Method.Name)
            .Select(f => new JobFailure(f.Key, f.Value.FailedAt ?? DateTime.MinValue, f.Value.ExceptionMessage ?? f.Value.Reason ?? ""))
            .OrderByDescending(f => f.FailedAtUtc)
            .Take(FailuresShown)
            .ToList();
        return new JobSummary(job.Id, job.Cron, job.LastExecution, job.LastJobState, runTime, job.NextExecution, failures,
            job.Error ?? job.LoadException?.Message);
    }
}
