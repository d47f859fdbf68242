using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Bench.Ingestion;
using Console.Bench.Support;

namespace Console.Bench;

/// <summary>
/// Events per second through POST /api/v1/events (real Kestrel on loopback, batches of 1,000, a few concurrent
/// clients) against the in-process ceiling: the same rows through one prepared insert in one SQLite transaction.
/// usage: ingestion [--batches 150] [--runs 3] [--clients 16] [--ids random|ordered] [--times spread|live] [--commit-every N] [--warm-seconds 15]
/// --commit-every also measures the ceiling's insert committing every N rows in process: the cost of commits alone.
/// </summary>
internal static class IngestionBench
{
    private const int BatchSize = 1_000;
    private const double GoalEventsPerSecond = 100_000, GoalRatio = 0.5;

    public static async Task RunAsync(string[] args)
    {
        var batches = Option(args, "--batches", 150);
        var runs = Option(args, "--runs", 3);
        var clients = Option(args, "--clients", 16);
        var commitEvery = Option(args, "--commit-every", 0);
        var warmSeconds = Option(args, "--warm-seconds", 15);
        var at = Array.IndexOf(args, "--ids");
        var orderedIds = at >= 0 && at + 1 < args.Length && args[at + 1] == "ordered";
        var times = Array.IndexOf(args, "--times");
        var liveTimes = times >= 0 && times + 1 < args.Length && args[times + 1] == "live";
        System.Console.WriteLine($"ingestion: {runs} runs of {batches} batches x {BatchSize:N0} events, {clients} clients, {(orderedIds ? "ordered" : "random")} event ids, {(liveTimes ? "live" : "spread")} times; " +
                                 $"{Environment.ProcessorCount} cores, {CpuModel()}");

        using var store = await BenchStore.CreateAsync();
        using var ceilingStore = await BenchStore.CreateAsync();
        using var groupStore = commitEvery > 0 ? await BenchStore.CreateAsync() : null;
        var key = await store.CreateKeyAsync();
        await using var web = await WebServer.StartAsync(store.Path, arguments: ["--Demo:SeedOnEmpty", "false"]);
        var http = Enumerable.Range(0, clients).Select(_ => Client(web.Address, key)).ToList();
        try
        {
            // Warm-up: page cache and store size first, the same 20 new batches on both sides. Then the server's tiered JIT:
            // it recompiles hot code for ~15 s after start (a sixth of the server's CPU then), so the same batches are sent
            // again, as duplicates that leave both stores alike, until it has settled; the ceiling's one loop has no such start.
            var warm = EventBatches.Generate(BatchSize * 20, seed: 0, orderedIds, liveTimes);
            var warmBodies = EventBatches.Bodies(warm, BatchSize);
            await SendAsync(http, warmBodies);
            Ceiling.EventsPerSecond(ceilingStore, warm);
            if (groupStore is not null) Ceiling.EventsPerSecond(groupStore, warm);
            var warmUntil = Stopwatch.GetTimestamp() + warmSeconds * Stopwatch.Frequency;
            var replays = 0;
            for (; Stopwatch.GetTimestamp() < warmUntil; replays++) await SendAsync(http, warmBodies);
            System.Console.WriteLine($"  warm-up: {warm.Count:N0} events, then sent again {replays} times as duplicates ({warmSeconds} s)");
            System.Console.WriteLine($"  load average before the runs: {LoadAverage()}");

            List<double> viaHttp = [], ceiling = [], serverPerCpu = [], ceilingPerCpu = [], groupPerCpu = [];
            for (var run = 1; run <= runs; run++)
            {
                var events = EventBatches.Generate(batches * BatchSize, seed: run, orderedIds, liveTimes);
                var bodies = EventBatches.Bodies(events, BatchSize);
                var serverCpu = web.CpuTime();
                var (accepted, seconds) = await SendAsync(http, bodies);
                if (accepted != events.Count) throw new InvalidOperationException($"Run {run}: {accepted:N0} of {events.Count:N0} accepted.");
                viaHttp.Add(accepted / seconds);
                serverPerCpu.Add(accepted / (web.CpuTime() - serverCpu).TotalSeconds);
                var (wall, cpu) = Ceiling.EventsPerSecond(ceilingStore, events);
                ceiling.Add(wall);
                ceilingPerCpu.Add(cpu);
                if (groupStore is not null) groupPerCpu.Add(Ceiling.EventsPerSecond(groupStore, events, commitEvery).Cpu);
                System.Console.WriteLine($"  run {run}: http {viaHttp[^1],9:N0} events/s ({serverPerCpu[^1],9:N0} per server CPU-s)   " +
                                         $"ceiling {ceiling[^1],9:N0} events/s ({ceilingPerCpu[^1],9:N0} per CPU-s)");
            }
            var stored = store.Count("SELECT COUNT(*) FROM events");
            var (httpMedian, ceilingMedian) = (Stats.Median(viaHttp), Stats.Median(ceiling));
            var ratio = httpMedian / ceilingMedian;
            System.Console.WriteLine($"ingestion http    median {httpMedian:N0} events/s (goal >= {GoalEventsPerSecond:N0}: {(httpMedian >= GoalEventsPerSecond ? "met" : "MISSED")})");
            System.Console.WriteLine($"ingestion ceiling median {ceilingMedian:N0} events/s (one prepared insert, one transaction, in process)");
            System.Console.WriteLine($"ingestion ratio   {ratio:P0} of ceiling (goal >= {GoalRatio:P0}: {(ratio >= GoalRatio ? "met" : "MISSED")}); {stored:N0} events stored");
            System.Console.WriteLine($"ingestion per CPU-second: server {Stats.Median(serverPerCpu):N0}, ceiling {Stats.Median(ceilingPerCpu):N0} " +
                                     $"({Stats.Median(serverPerCpu) / Stats.Median(ceilingPerCpu):P0}); load average {LoadAverage()}");
            if (groupPerCpu.Count > 0)
                System.Console.WriteLine($"ingestion ceiling committing every {commitEvery:N0} rows: {Stats.Median(groupPerCpu):N0} per CPU-s " +
                                         $"({Stats.Median(groupPerCpu) / Stats.Median(ceilingPerCpu):P0} of the one-transaction ceiling)");
        }
        finally
        {
            foreach (var client in http) client.Dispose();
        }
    }

    private static async Task<(long Accepted, double Seconds)> SendAsync(List<HttpClient> clients, List<byte[]> bodies)
    {
        var next = -1;
        long accepted = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(async client =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync("/api/v1/events", content);
                if (response.StatusCode != HttpStatusCode.Accepted)
                    throw new InvalidOperationException($"Batch {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                Interlocked.Add(ref accepted, answer.GetProperty("accepted").GetInt32());
            }
        }));
        return (accepted, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
