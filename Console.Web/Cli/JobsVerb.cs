using System.Globalization;
using System.Linq.Expressions;
using Console.Domain.Data;
using Console.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.SqlServer;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;

namespace Console.Web.Cli;

/// <summary>
/// jobs list: every recurring job of RecurringJobs, its schedule, its last run (from the job store, when there is one) and
/// its next. jobs run NAME: runs that job now, in this process, as the job server would, and exits when it ends.
/// </summary>
internal static class JobsVerb
{
    public static async Task<int> RunAsync(CliContext cli)
    {
        var schedules = new Schedules();
        RecurringJobs.Register(schedules);
        var args = cli.Args.Positional;
        if (args.Count >= 1 && args[0] == "list") return await ListAsync(cli, schedules);
        if (args.Count >= 2 && args[0] == "run") return await RunJobAsync(cli, schedules, args[1]);
        await cli.Error.WriteLineAsync("usage: jobs list | jobs run NAME");
        return 2;
    }

    private static async Task<int> ListAsync(CliContext cli, Schedules schedules)
    {
        var last = LastRuns(cli);
        var now = DateTime.UtcNow;
        await cli.Out.WriteLineAsync("name\tschedule\tlast run\tnext run");
        foreach (var (id, (_, cron)) in schedules.Jobs.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            DateTime? next = NCrontab.CrontabSchedule.Parse(cron).GetNextOccurrence(now);
            await cli.Out.WriteLineAsync(string.Join('\t', id, cron, last.TryGetValue(id, out var at) && at is { } t ? Iso(t) : "never",
                next is { } n ? Iso(n) : "-"));
        }
        return 0;
    }

    private static async Task<int> RunJobAsync(CliContext cli, Schedules schedules, string name)
    {
        if (!schedules.Jobs.TryGetValue(name, out var scheduled))
        {
            await cli.Error.WriteLineAsync($"error: no recurring job '{name}'; the jobs are: {string.Join(", ", schedules.Jobs.Keys.Order(StringComparer.Ordinal))}");
            return 1;
        }
        using var cancel = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        using var scope = cli.Services.CreateScope();
        var job = scheduled.Job;
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, job.Type);
        var arguments = job.Method.GetParameters()
            .Select((p, i) => p.ParameterType == typeof(CancellationToken) ? cancel.Token : job.Args[i]).ToArray();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var task = (Task)job.Method.Invoke(instance, arguments)!;
        await task;
        var result = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
        await cli.Out.WriteLineAsync($"{name}: done in {started.Elapsed.TotalSeconds:0.0} s{(result is null ? "" : ": " + result)}");
        return 0;
    }

    /// <summary>When each recurring job last ran, from Hangfire's store; an empty answer when this node has none yet.</summary>
    private static Dictionary<string, DateTime?> LastRuns(CliContext cli)
    {
        var config = cli.Services.GetRequiredService<IConfiguration>();
        var db = cli.Services.GetRequiredService<Db>();
        JobStorage? storage = null;
        if (db.IsSqlite)
        {
            var path = Path.GetFullPath(config["Jobs:SqlitePath"] ?? "data/jobs.db");
            if (File.Exists(path)) storage = new SQLiteStorage(path, new SQLiteStorageOptions());
        }
        else storage = new SqlServerStorage(db.ConnectionString, new SqlServerStorageOptions
        {
            PrepareSchemaIfNecessary = false, SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
        });
        if (storage is null) return [];
        try
        {
            using var connection = storage.GetConnection();
            return connection.GetRecurringJobs().ToDictionary(r => r.Id, r => r.LastExecution);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            cli.Error.WriteLine($"warning: the job store could not be read ({e.Message}); last runs are not shown.");
            return [];
        }
    }

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Takes the schedules RecurringJobs would give Hangfire, so the verbs are generic over every recurring job.</summary>
    private sealed class Schedules : IRecurringJobManager
    {
        public Dictionary<string, (Job Job, string Cron)> Jobs { get; } = new(StringComparer.Ordinal);

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Jobs[recurringJobId] = (job, cronExpression);

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => Jobs.Remove(recurringJobId);
    }
}
