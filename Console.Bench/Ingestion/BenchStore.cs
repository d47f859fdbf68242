using Console.Domain.Admin;
using Console.Domain.Courses;
using Console.Domain.Customers;
using Console.Domain.Data;
using Console.Domain.Events;
using Console.Domain.LiveSessions;
using Dapper;

namespace Console.Bench.Ingestion;

/// <summary>A fresh, migrated SQLite store seeded through the real upsert code with a few customers, courses and sessions.</summary>
internal sealed class BenchStore : IDisposable
{
    public const int Customers = 1_000, Courses = 20, LiveSessions = 50;

    private BenchStore(string directory, Db db) => (Directory, Db) = (directory, db);

    public string Directory { get; }
    public Db Db { get; }
    public string Path => Db.SqlitePath!;

    public static async Task<BenchStore> CreateAsync()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var db = new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = System.IO.Path.Combine(directory, "console.db") });
        new Migrator(db).Migrate();
        var gate = new WriteGate(db);
        var clock = TimeProvider.System;
        using (var runner = new StatementRunner(db, gate))
            await new UpsertCustomers(runner, Console.Web.Hosting.ConsentRegistrations.PersonalDataBeside(db), clock).UpsertAsync(
                Enumerable.Range(0, Customers).Select(i => new CustomerIn($"cust-{i:D5}", $"c{i}@example.com", $"Customer {i}")).ToList());
        await new UpsertCourses(db, gate, clock, MoneyBounds.Default).UpsertAsync(
            Enumerable.Range(0, Courses).Select(i => new CourseIn($"course-{i:D3}", $"Course {i}", "199.00")).ToList());
        await new UpsertLiveSessions(db, gate, new ExternalIds(db), clock).UpsertAsync(
            Enumerable.Range(0, LiveSessions).Select(i => new LiveSessionIn($"live-{i:D3}", $"course-{i % Courses:D3}", $"Live {i}")).ToList());
        return new BenchStore(directory, db);
    }

    public async Task<string> CreateKeyAsync() =>
        (await new ApiKeys(Db, TimeProvider.System).CreateAsync("bench", ApiKeyScope.Ingest, "bench")).Key;

    /// <summary>Row ids by external id, so the ceiling inserts exactly what the API would.</summary>
    public Dictionary<string, long> Ids(string table)
    {
        using var connection = Db.Open();
        var sql = table switch
        {
            "customers" => "SELECT external_id, id FROM customers",
            "courses" => "SELECT external_id, id FROM courses",
            _ => "SELECT external_id, id FROM live_sessions",
        };
        return connection.Query<(string, long)>(sql).ToDictionary(r => r.Item1, r => r.Item2);
    }

    public long Count(string sql)
    {
        using var connection = Db.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
