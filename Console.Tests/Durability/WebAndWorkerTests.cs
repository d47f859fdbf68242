using System.Net;
using System.Net.Http.Json;
using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Jobs;
using Console.Tests.Sales;
using Dapper;
using Hangfire;
using Hangfire.Storage.SQLite;
using Xunit.Abstractions;

namespace Console.Tests.Durability;

/// <summary>
/// The one-machine layout of two processes on one SQLite store, `--role web` beside `--role worker`: the web node takes
/// checkouts while the worker's rollup writes to the same file, and each job is run once, by the worker.
/// </summary>
public sealed class WebAndWorkerTests(ITestOutputHelper output)
{
    private const string Course = "ww-course";
    private const int Orders = 300;

    [Fact]
    public async Task A_web_and_a_worker_process_share_one_sqlite_file_and_the_worker_alone_runs_each_job_once()
    {
        await using var console = new ChildConsole();
        await using (var c = await console.Db.OpenAsync())
            await c.ExecuteAsync("""
                INSERT INTO courses (external_id, title, list_price, created_at, updated_at) VALUES (@Course, 'Ink', 19900, @now, @now)
                """, new { Course, now = DateTime.UtcNow });
        var web = await console.StartAsync("web");
        var worker = await console.StartAsync("worker");
        using var client = await console.ClientAsync(web);
        // The job store both nodes share; triggering here is what the dashboard's "Trigger now" does on the web node.
        var storage = Quiet(() => new SQLiteStorage(console.JobsPath, new SQLiteStorageOptions()));
        var jobs = new RecurringJobManager(storage);

        var triggered = new List<string>();
        var statuses = new List<HttpStatusCode>();
        var next = -1;
        var checkouts = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Orders; i = Interlocked.Increment(ref next))
            {
                using var response = await client.PostAsJsonAsync("/api/v1/orders",
                    new { orderId = $"ww-{i}", customerExternalId = $"ww-c{i % 50}", courseExternalId = Course });
                lock (statuses) statuses.Add(response.StatusCode);
                // Rollups are asked for while checkouts go on, so both processes write to the file at once.
                if (i % 100 == 50) lock (triggered) triggered.Add(Quiet(() => jobs.TriggerJob(RecurringJobs.RollupDailySales)));
            }
        })).ToList();
        await Task.WhenAll(checkouts);
        triggered.Add(Quiet(() => jobs.TriggerJob(RecurringJobs.RollupDailySales)));

        var monitoring = storage.GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Quiet(() => triggered.Any(id => monitoring.JobDetails(id).History.FirstOrDefault()?.StateName != "Succeeded")) && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        var histories = Quiet(() => triggered.Select(id => monitoring.JobDetails(id).History).ToList());
        var servers = Quiet(() => monitoring.Servers().Select(s => s.Name).ToList());
        var processedBy = histories.SelectMany(h => h.Where(s => s.StateName == "Processing").Select(s => s.Data["ServerId"])).ToList();
        var recompute = new RecomputeDailySales(console.Db, new BusinessTime(new BusinessOptions()));
        var stored = await recompute.ReadStoredAsync();
        output.WriteLine($"{statuses.Count(s => s == HttpStatusCode.Created)} of {Orders} checkouts created through the web node; " +
            $"{triggered.Count} rollups triggered, processed by {string.Join(", ", processedBy.Distinct())}; servers {string.Join(", ", servers)}; " +
            $"{stored.Sales.Sum(s => s.Orders)} orders in the rollups.");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(Orders, statuses.Count);
        Assert.Equal(Orders, ScalarLong(console.Db, "SELECT COUNT(*) FROM orders"));
        Assert.All(histories, h => Assert.Equal("Succeeded", h.First().StateName));
        // Each triggered job was processed once (no retry, no second server), and only by the worker.
        Assert.Equal(triggered.Count, processedBy.Count);
        Assert.All(processedBy, s => Assert.Contains(":worker", s, StringComparison.Ordinal));
        Assert.Contains($":{worker.Process.Id}:worker", Assert.Single(servers), StringComparison.Ordinal);
        Assert.Equal(0, ScalarLong(console.Db, "SELECT COUNT(*) FROM orders WHERE rolled_up = 0"));
        RollupAssert.Equal(await recompute.ComputeAsync(), stored);
        using var toWorker = new HttpClient { BaseAddress = worker.Address };
        Assert.Equal(HttpStatusCode.NotFound, (await toWorker.GetAsync("/api/v1/orders/ww-1")).StatusCode);
    }

    /// <summary>
    /// Hangfire logs through one process-wide provider, which the last in-process host of the suite set to its own logger
    /// factory, disposed with that host: this process's calls on the shared job store log nowhere instead.
    /// </summary>
    private static T Quiet<T>(Func<T> call)
    {
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(NoLogs.Instance);
        return call();
    }

    private sealed class NoLogs : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public static readonly NoLogs Instance = new();

        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    private static long ScalarLong(Db db, string sql)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long>(sql);
    }
}
