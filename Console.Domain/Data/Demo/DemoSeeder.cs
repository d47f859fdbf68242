using System.Data.Common;
using System.Diagnostics;
using Dapper;

namespace Console.Domain.Data.Demo;

public sealed record DemoResult(
    string? Refusal, int Customers, int Courses, int Sessions, long Events, int Orders, int Refunds, TimeSpan Elapsed)
{
    public bool Seeded => Refusal is null;
}

/// <summary>Fills an empty store with deterministic demo data: catalogue, customers, sessions, behaviour, promotions, orders, refunds.</summary>
public sealed class DemoSeeder(Db db, BusinessTime businessTime, PersonalData personal)
{
    private const int EventsPerTransaction = 250_000;
    private const int ProgressEvery = 100_000;

    // Any of these holding rows means real or earlier data: demo ids would collide with it or blur it.
    private const string NonEmptySql = """
        SELECT 'customers' WHERE EXISTS (SELECT 1 FROM customers)
        UNION ALL SELECT 'orders' WHERE EXISTS (SELECT 1 FROM orders)
        UNION ALL SELECT 'courses' WHERE EXISTS (SELECT 1 FROM courses)
        UNION ALL SELECT 'live_sessions' WHERE EXISTS (SELECT 1 FROM live_sessions)
        UNION ALL SELECT 'events' WHERE EXISTS (SELECT 1 FROM events)
        UNION ALL SELECT 'coupon_campaigns' WHERE EXISTS (SELECT 1 FROM coupon_campaigns)
        UNION ALL SELECT 'group_buy_campaigns' WHERE EXISTS (SELECT 1 FROM group_buy_campaigns)
        """;

    /// <summary>The tables that already hold rows; seeding needs all of them empty.</summary>
    public async Task<IReadOnlyList<string>> NonEmptyTablesAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(NonEmptySql, cancellationToken: ct))).ToList();
    }

    public async Task<DemoResult> SeedAsync(DemoPlan plan, Action<string>? progress = null, CancellationToken ct = default)
    {
        var lookup = await personal.LookupAsync(ct);
        return await Task.Run(() => Seed(plan, lookup, progress ?? (_ => { }), ct), ct);
    }

    private DemoResult Seed(DemoPlan plan, PersonalData.Lookup lookup, Action<string> progress, CancellationToken ct)
    {
        var errors = plan.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(plan));
        var clock = Stopwatch.StartNew();
        var calendar = new DemoCalendar(plan, businessTime.Zone);
        using var connection = db.Open();
        if (db.IsSqlite) Tune(connection);
        var writer = new DemoWriter(db, connection, personal, lookup);

        var tx = connection.BeginTransaction();
        try
        {
            var nonEmpty = connection.Query<string>(NonEmptySql, transaction: tx).ToList();
            if (nonEmpty.Count > 0)
            {
                tx.Rollback();
                return new DemoResult($"the store already holds {string.Join(", ", nonEmpty)}; demo data goes only into an empty store.",
                    0, 0, 0, 0, 0, 0, clock.Elapsed);
            }
            var customers = Enumerable.Range(1, plan.Customers).Select(id => CustomerGenerator.Create(plan, calendar, id)).ToList();
            var sessions = SessionGenerator.Create(plan, calendar);
            writer.Courses(tx, calendar.StartUtc.AddDays(-400));
            writer.Customers(tx, customers);
            tx.Commit();
            progress($"courses {DemoCatalogue.Courses.Count}, customers {customers.Count:N0} written ({clock.Elapsed.TotalSeconds:F1} s)");

            var orders = new List<DemoOrder>(plan.Customers * 2);
            var viewers = new int[sessions.Count + 1];
            var journey = new CustomerJourney(plan, calendar, sessions);
            var events = new List<DemoEvent>(256);
            long written = 0;
            tx = connection.BeginTransaction();
            using (var insert = writer.Events(tx))
            {
                foreach (var customer in customers)
                {
                    ct.ThrowIfCancellationRequested();
                    events.Clear();
                    journey.Run(customer, events, orders, viewers);
                    events.Sort((a, b) => a.At.CompareTo(b.At));
                    foreach (var e in events)
                    {
                        DemoWriter.Event(insert, ++written, customer.Id, e);
                        if (written % ProgressEvery == 0)
                            progress($"events {written:N0} (customer {customer.Id:N0} of {customers.Count:N0}, {clock.Elapsed.TotalSeconds:F1} s)");
                        if (written % EventsPerTransaction != 0) continue;
                        tx.Commit();
                        tx.Dispose();
                        insert.Transaction = tx = connection.BeginTransaction();
                    }
                }
            }
            tx.Commit();
            tx.Dispose();
            progress($"events {written:N0} written ({clock.Elapsed.TotalSeconds:F1} s)");

            var promotions = new PromotionOrders(plan, calendar, customers);
            var codes = promotions.Coupons(orders);
            var teams = promotions.GroupBuys(orders);
            orders.Sort((a, b) => a.PaidAt != b.PaidAt ? a.PaidAt.CompareTo(b.PaidAt)
                : a.CustomerId != b.CustomerId ? a.CustomerId.CompareTo(b.CustomerId) : a.CourseId.CompareTo(b.CourseId));
            var numbered = orders.Select((o, i) => o with { Id = i + 1 }).ToList();
            tx = connection.BeginTransaction();
            writer.Sessions(tx, sessions, viewers);
            writer.Coupons(tx, numbered, calendar.StartUtc.AddDays(-30));
            writer.Promotions(tx, numbered, codes, teams, promotions);
            writer.Orders(tx, numbered);
            var answers = DemoSurveys.Write(connection, tx, plan);
            if (db.IsSqlite) DemoPartners.Write(connection, tx, plan, calendar, numbered, sessions, businessTime, personal.Seal);
            DemoExperiments.Write(connection, tx, db.Dialect, plan, calendar, customers);
            DemoConsent.Write(connection, tx);
            DemoSegments.Write(connection, tx, db.Dialect, plan, businessTime);
            DemoEmail.Write(connection, tx, calendar);
            tx.Commit();
            var refunds = numbered.Count(o => o.Refunded > 0);
            progress($"live sessions {sessions.Count:N0}, orders {numbered.Count:N0}, refunds {refunds:N0}, promotions {DemoCoupons.LiveRoom.Count + DemoPromotions.Coupons.Count + DemoPromotions.GroupBuys.Count} with {teams.Count:N0} teams, {answers:N0} survey answers written ({clock.Elapsed.TotalSeconds:F1} s)");
            return new DemoResult(null, customers.Count, DemoCatalogue.Courses.Count, sessions.Count, written, numbered.Count, refunds, clock.Elapsed);
        }
        finally
        {
            tx.Dispose();
        }
    }

    /// <summary>A large page cache for this one connection keeps the index inserts in memory while the events stream in.</summary>
    private static void Tune(DbConnection connection) => connection.Execute("PRAGMA cache_size = -131072;");
}
