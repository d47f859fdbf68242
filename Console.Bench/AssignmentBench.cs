using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Console.Bench.Support;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Experiments;

namespace Console.Bench;

/// <summary>
/// Experiment assignment served through real Kestrel on loopback, one call at a time: the latency of a first call (which
/// records the exposure) and of a repeat call (the sticky read the storefront makes on every page), p50 and p99. Beside it,
/// the in-process cost of one evaluation (two SHA-256 buckets and the weight walk), as the median of batches, set against
/// GrowthBook's published figure of about 28 µs per evaluation.
/// usage: assignment [customers] [batches]
/// </summary>
internal static class AssignmentBench
{
    private const double GrowthBookMicroseconds = 28;

    public static async Task RunAsync(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0]) : 3_000;
        var batches = args.Length > 1 ? int.Parse(args[1]) : 15;
        var dir = Path.Combine(Path.GetTempPath(), "cc-bench-assignment-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var dbPath = Path.Combine(dir, "console.db");
        var db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = dbPath });
        new Migrator(db).Migrate();
        var key = (await new ApiKeys(db, TimeProvider.System).CreateAsync("bench", ApiKeyScope.Manage, "bench")).Key;

        await using var web = await WebServer.StartAsync(dbPath, arguments: ["--Demo:SeedOnEmpty", "false"]);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.None })
            { BaseAddress = web.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var created = await http.PostAsJsonAsync("/api/v1/experiments", new
        {
            key = "bench-split", name = "Bench split", status = "running", coverage = 0.9m, metric = new { kind = "conversion" },
            variants = new object[] { new { key = "control", weight = 34 }, new { key = "b", weight = 33 }, new { key = "c", weight = 33 } },
        });
        if (created.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException(await created.Content.ReadAsStringAsync());

        // Warm the path (JIT tiering, pooled connections) before measuring.
        for (var i = 0; i < 4_000; i++) await CallAsync(http, $"warm-{i % 2_000}");
        var first = new List<double>(customers);
        var repeat = new List<double>(customers * 3);
        for (var i = 0; i < customers; i++) first.Add(await CallAsync(http, $"customer-{i}"));
        for (var pass = 0; pass < 3; pass++)
            for (var i = 0; i < customers; i++) repeat.Add(await CallAsync(http, $"customer-{i}"));

        var perCall = new List<double>(batches);
        int[] weights = [34, 33, 33];
        var ids = Enumerable.Range(0, 100_000).Select(i => $"customer-{i}").ToArray();
        var sink = 0;
        for (var b = 0; b < batches; b++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var id in ids) sink += Bucketing.Assign("bench-split", id, 0.9, weights).VariantIndex;
            perCall.Add(clock.Elapsed.TotalMicroseconds / ids.Length);
        }
        var inProcess = Stats.Median(perCall);
        System.Console.WriteLine($"assignment over HTTP, first call (records the exposure): p50 {Percentile(first, 0.5):F3} ms, p99 {Percentile(first, 0.99):F3} ms ({customers:N0} customers)");
        System.Console.WriteLine($"assignment over HTTP, repeat call (sticky read): p50 {Percentile(repeat, 0.5):F3} ms, p99 {Percentile(repeat, 0.99):F3} ms ({repeat.Count:N0} calls)");
        System.Console.WriteLine($"in-process evaluation: median {inProcess:F3} µs per call over {batches} batches of {ids.Length:N0} " +
            $"(GrowthBook's published ~{GrowthBookMicroseconds} µs: ratio {inProcess / GrowthBookMicroseconds:F3}) [{sink % 2}]");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private static async Task<double> CallAsync(HttpClient http, string customer)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/api/v1/experiments/bench-split/assignment?customer={customer}");
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"assignment answered {(int)response.StatusCode}");
        return elapsed;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
