using System.Diagnostics;
using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Domain.Models;

namespace Console.Bench;

/// <summary>
/// Training time of each model kind on the demo store, with the figures each run reached, and the time to score one
/// customer with the active propensity model (p50 and p95 over many customers).
/// usage: models [customers] [days] [rounds]
/// </summary>
internal static class ModelTrainingBench
{
    public static async Task RunAsync(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DemoPlan.DefaultCustomers;
        var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DemoPlan.DefaultDays;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var dir = Path.Combine(Path.GetTempPath(), "cc-bench-models-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = Path.Combine(dir, "console.db") });
        new Migrator(db).Migrate();
        var seeded = await new DemoSeeder(db, new BusinessTime(new BusinessOptions()), Console.Web.Hosting.ConsentRegistrations.PersonalDataBeside(db))
            .SeedAsync(new DemoPlan(customers, days, DemoPlan.DefaultSeed, new DateOnly(2026, 12, 1)));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"demo store: {seeded.Customers:N0} customers, {seeded.Events:N0} events, {seeded.Orders:N0} orders, {seeded.Sessions:N0} sessions"));

        var registry = new ModelRegistry(db, TimeProvider.System);
        var reader = new PropensityFeatureReader(db);
        IModelTrainer[] trainers = [new PropensityTrainer(db, reader, registry), new InteractionTrainer(db, new InteractionSlotReader(db), registry)];
        var train = new TrainModel(db, registry, trainers, TimeProvider.System);
        foreach (var kind in train.Kinds)
        {
            var times = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                var outcome = (TrainModel.Outcome.Trained)await train.RunAsync(kind, CancellationToken.None);
                times.Add(outcome.Took.TotalSeconds);
                var figures = string.Join(", ", outcome.Candidate.Metrics.Where(m => !m.Key.StartsWith("w_", StringComparison.Ordinal))
                    .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.####}")));
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{kind} round {round}: {outcome.Took.TotalSeconds:0.0} s, {outcome.Candidate.Rows:N0} rows, promoted {outcome.Promoted}; {figures}"));
            }
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: median training time {Median(times):0.0} s"));
        }

        var propensity = new CustomerPropensity(db, reader, new ActiveModels(registry, TimeProvider.System), TimeProvider.System);
        var latencies = new List<double>();
        for (var id = 1; id <= Math.Min(customers, 500); id++)
        {
            var clock = Stopwatch.StartNew();
            await propensity.ScoreAsync($"demo-c-{id:D6}", null, CancellationToken.None);
            if (id > 20) latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        latencies.Sort();
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"propensity for one customer: p50 {latencies[latencies.Count / 2]:0.00} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.00} ms"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
