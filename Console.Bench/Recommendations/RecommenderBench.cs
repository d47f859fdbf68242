using Console.Domain.Models;
using System.Diagnostics;
using Console.Bench.Support;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Recommendations;
using Console.Web.Cli;

namespace Console.Bench.Recommendations;

/// <summary>
/// recommender synthetic | training DB | latency DB: ranking quality on a planted-taste rating set; training time of each
/// recommender on a store (the demo store: seed-demo --end 2026-12-01 into DB first); the recommendations API's median
/// latency through real Kestrel, one request at a time, from the model it holds in memory.
/// </summary>
internal static class RecommenderBench
{
    private const int Requests = 2_000;

    public static async Task RunAsync(string[] args)
    {
        var part = args.FirstOrDefault() ?? "synthetic";
        var database = args.Length > 1 ? args[1] : null;
        switch (part)
        {
            case "synthetic": await SyntheticAsync(); break;
            case "training" when database is not null: await TrainingAsync(database); break;
            case "latency" when database is not null: await LatencyAsync(database); break;
            default: throw new ArgumentException("usage: recommender synthetic | training DB | latency DB");
        }
    }

    private static async Task SyntheticAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "console-bench-ratings");
        var (train, test) = SyntheticRatings.Write(directory, new SyntheticRatings.Options());
        System.Console.WriteLine($"recommender synthetic: {train}, {test}");
        var code = await CliVerbs.RunAsync(["recommender", "evaluate", "--train", train, "--test", test]);
        if (code != 0) throw new InvalidOperationException($"recommender evaluate exited {code}.");
    }

    /// <summary>The hold-out evaluation (each recommender trained before the cut), then each trained on the whole store.</summary>
    private static async Task TrainingAsync(string database)
    {
        var db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = database });
        var store = new StoreFeedback(db);
        var trainer = new RecommenderTrainer(store, new ModelRegistry(db, TimeProvider.System), TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var span = await store.OrderSpanAsync(CancellationToken.None) ?? throw new InvalidOperationException("The store has no orders.");
        var evaluation = await trainer.EvaluateAsync(span, CancellationToken.None);
        System.Console.WriteLine($"hold-out from {evaluation.Cut:yyyy-MM-dd HH:mm}, {evaluation.TrainRows:N0} training pairs, evaluation {clock.Elapsed.TotalSeconds:F1} s in all");
        foreach (var m in evaluation.Metrics)
            System.Console.WriteLine($"  {m.Recommender,-13} p@10 {m.Precision:F4}  r@10 {m.Recall:F4}  ndcg@10 {m.Ndcg:F4}  coverage {m.Coverage:F3}  customers {m.Users:N0}  train {m.TrainSeconds:F2} s");
        foreach (var name in new[] { RecommenderNames.Popularity, RecommenderNames.CoOccurrence, RecommenderNames.Factors })
        {
            clock.Restart();
            var (model, rows) = await trainer.TrainServedAsync(name, DateTime.UtcNow, CancellationToken.None);
            var bytes = RecommenderModelBytes.Write(model).Length;
            System.Console.WriteLine($"  served model {name,-13} {rows:N0} pairs, {clock.Elapsed.TotalSeconds:F2} s with reading the store, {bytes:N0} bytes");
        }
    }

    private static async Task LatencyAsync(string database)
    {
        if (await CliVerbs.RunAsync(["models", "train", "recommender", $"--Database:Path={database}"]) != 0)
            throw new InvalidOperationException("models train recommender failed.");
        var key = (await new ApiKeys(new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = database }), TimeProvider.System)
            .CreateAsync("bench-recommendations", ApiKeyScope.Ingest, "bench")).Key;
        await using var web = await WebServer.StartAsync(database, arguments: ["--Demo:SeedOnEmpty", "false"]);
        using var http = new HttpClient { BaseAddress = web.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var rng = new Random(5);
        foreach (var (label, context) in new[] { ("customer", ""), ("with context", "&context=demo-k-001"), ("unknown customer", "") })
        {
            var times = new List<double>(Requests);
            for (var i = 0; i < Requests + 200; i++)
            {
                var customer = label == "unknown customer" ? $"nobody-{i}" : $"demo-c-{rng.Next(1, 20_001):D6}";
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync($"/api/v1/recommendations/{customer}?n=10{context}");
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{customer}: {(int)response.StatusCode}");
                // The first 200 warm the JIT and the connection pool.
                if (i >= 200) times.Add(clock.Elapsed.TotalMilliseconds);
            }
            var sorted = times.Order().ToList();
            System.Console.WriteLine($"recommendations {label,-17} p50 {Stats.Median(times):F2} ms  p95 {sorted[(int)(sorted.Count * 0.95)]:F2} ms  ({Requests:N0} requests, one at a time)");
        }
    }
}
