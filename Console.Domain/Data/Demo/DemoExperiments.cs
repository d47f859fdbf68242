using System.Data.Common;
using System.Text.Json;
using Console.Domain.Experiments;
using Dapper;

namespace Console.Domain.Data.Demo;

/// <summary>
/// Four experiments with known true effects, so the results pages show each case: a real win (the treatment's customers
/// buy 8 points more often), a null (no difference planted), a sample-ratio mismatch (a quarter of one arm's exposures lost,
/// as a broken tracking call would lose them) and a running revenue test (+3 points of buyers). Customers are assigned by the
/// same hashing as the API; the extra purchases that carry the planted effects are ordinary paid orders.
/// </summary>
internal static class DemoExperiments
{
    private const int Stream = 19;

    private sealed record Spec(string Key, string Name, string Hypothesis, string Metric, int StartsDaysBack, int? StopsDaysBack,
        string[] Variants, double Coverage, double Uplift, double Lost);

    private static readonly Spec[] Specs =
    [
        new("coupon-30-off-vs-20-pct", "30 yuan off against 20% off", "A fixed 30 yuan off reads as a bigger saving and sells more.",
            MetricKinds.Conversion, 80, 50, ["twenty_pct", "thirty_off"], 1, 0.08, 0),
        new("team-of-3-vs-5", "Teams of 3 against teams of 5", "Smaller teams fill more often, so more customers buy.",
            MetricKinds.Conversion, 75, 45, ["team_of_5", "team_of_3"], 1, 0, 0),
        new("checkout-banner", "Countdown banner at checkout", "A countdown at checkout hurries the undecided.",
            MetricKinds.Conversion, 70, 40, ["plain", "countdown"], 1, 0, 0.25),
        new("live-coupon-push", "Coupon push in the live room", "Pushing a coupon mid-stream raises what each viewer spends.",
            MetricKinds.RevenuePerUser, 14, null, ["no_push", "push"], 0.9, 0.03, 0),
    ];

    private static readonly DialectSql InsertExperimentSql = new(d =>
        $"""
        INSERT INTO experiments (experiment_key, name, hypothesis, coverage, audience, metric_kind, guardrails, starts_at, ends_at,
            status, started_at, stopped_at, created_at, updated_at)
        {DialectSql.OutputId(d)}
        VALUES (@Key, @Name, @Hypothesis, @Coverage, 'everyone', @Metric, 'refund_rate,average_order_value', @starts, NULL,
            @status, @starts, @stops, @created, @updated)
        {Returning(d)}
        """);

    private static readonly DialectSql InsertVariantSql = new(d =>
        $"""
        INSERT INTO experiment_variants (experiment_id, position, variant_key, weight, payload)
        {DialectSql.OutputId(d)}
        VALUES (@id, @i, @key, 50, @payload)
        {Returning(d)}
        """);

    private static string Returning(Dialect d) => d == Dialect.Sqlite ? "RETURNING id" : "";

    public static void Write(DbConnection connection, DbTransaction tx, Dialect dialect, DemoPlan plan, DemoCalendar calendar, IReadOnlyList<DemoCustomer> customers)
    {
        var end = calendar.EndUtc;
        for (var e = 0; e < Specs.Length; e++)
        {
            var spec = Specs[e];
            var rng = DemoRandom.For(plan.Seed, Stream, e);
            // The windows are laid out over the last 90 days, squeezed into shorter plans.
            var scale = Math.Min(1.0, plan.Days / 90.0);
            var starts = DemoRandom.Seconds(end.AddDays(-spec.StartsDaysBack * scale));
            DateTime? stops = spec.StopsDaysBack is { } back ? DemoRandom.Seconds(end.AddDays(-back * scale)) : null;
            var windowEnd = stops ?? end;
            var status = stops is null ? ExperimentStatus.Running : ExperimentStatus.Stopped;
            var id = connection.ExecuteScalar<long>(InsertExperimentSql.For(dialect), new { spec.Key, spec.Name, spec.Hypothesis, spec.Coverage, spec.Metric, starts, status, stops,
                    created = starts.AddDays(-2), updated = stops ?? starts }, tx);
            var variants = spec.Variants.Select((key, i) => new ExperimentVariant(connection.ExecuteScalar<long>(InsertVariantSql.For(dialect),
                new { id, i, key, payload = JsonSerializer.Serialize(new { label = key }) }, tx), i, key, 50, null, null,
                JsonSerializer.Serialize(new { label = key }))).ToList();

            var exposures = new List<object>();
            var orders = new List<object>();
            // A quarter of the customers per experiment, so the four tests do not overlap.
            foreach (var customer in customers.Where(c => c.Id % Specs.Length == e))
            {
                var from = customer.CreatedAt > starts ? customer.CreatedAt : starts;
                if (from >= windowEnd) continue;
                var exposedAt = DemoRandom.Seconds(from.AddTicks((long)(rng.NextDouble() * (windowEnd - from).Ticks)));
                var pick = Bucketing.Assign(spec.Key, customer.ExternalId, spec.Coverage, [50, 50]);
                var treated = pick.VariantIndex == 1;
                if (treated && rng.Chance(spec.Lost)) continue;
                exposures.Add(new { id, customer = customer.Id, variant = pick.InExperiment ? variants[pick.VariantIndex].Id : (long?)null, exposedAt });
                if (!treated || !rng.Chance(spec.Uplift)) continue;
                var course = DemoCatalogue.Courses[rng.Next(DemoCatalogue.Courses.Count)];
                var paidAt = DemoRandom.Seconds(exposedAt.AddTicks((long)(rng.NextDouble() * (windowEnd - exposedAt).Ticks)));
                orders.Add(new { orderId = $"demo-x-{e}-{customer.Id:D6}", customer = customer.Id, course = course.Id, price = course.ListPrice, paidAt });
            }
            connection.Execute(
                """
                INSERT INTO experiment_exposures (experiment_id, customer_id, variant_id, exposed_at) VALUES (@id, @customer, @variant, @exposedAt)
                """, exposures, tx);
            connection.Execute(
                """
                INSERT INTO orders (order_id, customer_id, course_id, channel, list_price, discount, payable, refunded, status, paid_at, created_at, rolled_up)
                VALUES (@orderId, @customer, @course, 'storefront', @price, 0, @price, 0, 'paid', @paidAt, @paidAt, 0)
                """, orders, tx);

            // The snapshot the hourly job would have stored last, computed as of the demo's end.
            var experiment = new Experiment(id, spec.Key, spec.Name, spec.Hypothesis, spec.Coverage, ExperimentAudiences.Everyone, spec.Metric, [],
                null, [Guardrails.RefundRate, Guardrails.AverageOrderValue], starts, null, status, starts, stops, variants, starts, stops ?? starts);
            var snapshot = ResultsCalculator.Compute(experiment, ResultsData.Load(connection, tx, experiment, windowEnd), windowEnd, end, calendar.Zone);
            connection.Execute(
                """
                INSERT INTO experiment_snapshots (experiment_id, hour_start, computed_at, body) VALUES (@id, @end, @end, @body)
                """, new { id, end, body = JsonSerializer.Serialize(snapshot, RefreshExperimentResults.Json) }, tx);
        }
    }
}
