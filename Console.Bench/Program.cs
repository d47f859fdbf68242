// Benchmarks: each prints its figure and a ratio against a baseline measured in the same run.
// usage: dotnet run -c Release --project Console.Bench -- <name>|all
var benches = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["dashboard"] = Console.Bench.DashboardBench.RunAsync,
    ["ingestion"] = Console.Bench.IngestionBench.RunAsync,
    ["coupons"] = Console.Bench.CouponBench.RunAsync,
    ["ui"] = Console.Bench.UiBench.RunAsync,
    ["event-reading"] = Console.Bench.EventReadingBench.RunAsync,
    ["recommender"] = Console.Bench.Recommendations.RecommenderBench.RunAsync,
    ["models"] = Console.Bench.ModelTrainingBench.RunAsync,
    ["assignment"] = Console.Bench.AssignmentBench.RunAsync,
    ["reports"] = Console.Bench.ReportBench.RunAsync,
    ["email"] = Console.Bench.EmailBench.RunAsync,
};
var name = args.FirstOrDefault() ?? "all";
if (name == "all")
{
    foreach (var bench in benches.Values) await bench(args.Skip(1).ToArray());
    return 0;
}
if (!benches.TryGetValue(name, out var run))
{
    System.Console.Error.WriteLine($"unknown benchmark '{name}'; known: {string.Join(", ", benches.Keys)}");
    return 2;
}
await run(args.Skip(1).ToArray());
return 0;
