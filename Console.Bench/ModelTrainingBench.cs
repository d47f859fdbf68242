using System.Diagnostics;
using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Domain.Models;
using Console.Domain.Recommendations;

namespace Console.Bench;

/// <summary>
/// Training time of each model kind on the demo store, as medians over rounds. Every round first reads what the kind
/// learns from (the baseline: reading alone), then fits each model on what it read, so a fit's time holds no reading.
/// Then the time to score one customer with the propensity model, p50 and p95 over many customers.
/// usage: models [customers] [days] [rounds] [--db FILE]   (--db: an already seeded store, left in place)
/// </summary>
internal static class ModelTrainingBench
{
    public static async Task RunAsync(string[] args)
    {
        var given = Array.IndexOf(args, "--db") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var plain = args.Where((a, i) => a != "--db" && (i == 0 || args[i - 1] != "--db")).ToArray();
        var customers = plain.Length > 0 ? int.Parse(plain[0], CultureInfo.InvariantCulture) : DemoPlan.DefaultCustomers;
        var days = plain.Length > 1 ? int.Parse(plain[1], CultureInfo.InvariantCulture) : DemoPlan.DefaultDays;
        var rounds = plain.Length > 2 ? int.Parse(plain[2], CultureInfo.InvariantCulture) : 3;
        var dir = Path.Combine(Path.GetTempPath(), "cc-bench-models-" + Guid.NewGuid().ToString("N")[..8]);
        var db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = given ?? Path.Combine(dir, "console.db") });
        new Migrator(db).Migrate();
        if (given is null)
        {
            var seeded = await new DemoSeeder(db, new BusinessTime(new BusinessOptions()), Console.Web.Hosting.ConsentRegistrations.PersonalDataBeside(db))
                .SeedAsync(new DemoPlan(customers, days, DemoPlan.DefaultSeed, new DateOnly(2026, 12, 1)));
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"demo store: {seeded.Customers:N0} customers, {seeded.Events:N0} events, {seeded.Orders:N0} orders, {seeded.Sessions:N0} sessions"));
        }
        System.Console.WriteLine($"load before: {Load()}");

        var registry = new ModelRegistry(db, TimeProvider.System);
        var reader = new PropensityFeatureReader(db);
        var propensity = new PropensityTrainer(db, reader, registry);
        var interaction = new InteractionTrainer(db, new InteractionSlotReader(db), registry);
        var store = new StoreFeedback(db);
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string name, double seconds) => (times.TryGetValue(name, out var list) ? list : times[name] = []).Add(seconds);

        for (var round = 1; round <= rounds; round++)
        {
            // Propensity: the training window's rows, then both algorithms on them.
            var o = propensity.Options;
            var end = await propensity.DataEndAsync(CancellationToken.None) ?? throw new InvalidOperationException("The store has no orders.");
            var clock = Stopwatch.StartNew();
            var rows = await reader.ReadAsync(end.AddDays(-2 * o.HorizonDays), end.AddDays(-o.HorizonDays), TimeSpan.FromDays(o.LookbackDays),
                o.MaxCustomers, CancellationToken.None);
            Add("propensity: reading the training rows", clock.Elapsed.TotalSeconds);
            var fitted = PropensityTrainer.Fit(rows, o);
            Add("propensity: logistic regression (L-BFGS)", fitted.LinearSeconds);
            Add("propensity: boosted trees (FastTree)", fitted.TreesSeconds);

            // Recommender: the whole store's implicit feedback, then each recommender as the served model trains it.
            clock.Restart();
            var catalogue = await store.CatalogueAsync(CancellationToken.None);
            var interest = await store.InterestAsync(DateTime.UtcNow, CancellationToken.None);
            var feedback = Feedback.From(interest.Select(i => (i.Customer, i.Course, StoreFeedback.Weight(i))), catalogue.Select(c => c.ExternalId));
            Add("recommender: reading the feedback", clock.Elapsed.TotalSeconds);
            clock.Restart();
            PopularityScorer.Train(feedback);
            Add("recommender: popularity", clock.Elapsed.TotalSeconds);
            clock.Restart();
            CoOccurrenceScorer.Train(feedback);
            Add("recommender: co-occurrence", clock.Elapsed.TotalSeconds);
            clock.Restart();
            SgdFactorTrainer.Train(feedback, RecommenderTrainer.DefaultFactors);
            Add("recommender: factors (SGD)", clock.Elapsed.TotalSeconds);

            // Live strategy: the sessions cut into slots, then SDCA with its 100 bootstrap refits on the training sessions.
            var io = interaction.Options;
            var last = await interaction.DataEndAsync(CancellationToken.None) ?? throw new InvalidOperationException("The store has no sessions.");
            clock.Restart();
            var sessions = await new InteractionSlotReader(db).ReadAsync(last.AddDays(-io.Days), last, CancellationToken.None);
            Add("live strategy: reading the slots", clock.Elapsed.TotalSeconds);
            var train = sessions.Take((int)Math.Round(sessions.Count * (1 - io.HoldoutShare))).ToList();
            clock.Restart();
            await InteractionTrainer.FitAsync(train, io, _ => Task.CompletedTask, CancellationToken.None);
            Add("live strategy: SDCA and bootstrap", clock.Elapsed.TotalSeconds);

            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {rows.Count:N0} propensity rows, {feedback.Count:N0} feedback pairs, {train.Count:N0} training sessions; load {Load()}"));
        }
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"medians of {rounds} rounds (each: min – max):"));
        foreach (var (name, list) in times)
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-42} {Median(list),8:0.000} s   ({list.Min():0.000} – {list.Max():0.000})"));

        await ScoringAsync(db, registry, reader, customers);
        System.Console.WriteLine($"load after: {Load()}");
        if (given is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>One customer's propensity through the use case the API calls, training a model first if none is active.</summary>
    private static async Task ScoringAsync(Db db, ModelRegistry registry, PropensityFeatureReader reader, int customers)
    {
        if (await registry.ActiveIdAsync(ModelKinds.Propensity, CancellationToken.None) is null)
            await new TrainModel(db, registry, [new PropensityTrainer(db, reader, registry)], TimeProvider.System)
                .RunAsync(ModelKinds.Propensity, CancellationToken.None);
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
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
