using Console.Domain.Data;
using Console.Domain.Events;
using Console.Tests.Support;
using Dapper;
using DbUp;

namespace Console.Tests.Events;

/// <summary>
/// Duplicates are decided by a 64-bit key of the eventId: the key must be the documented hash, an id whose key is
/// taken by another id must still be stored and deduplicated, and events stored before the keys existed get theirs.
/// </summary>
public sealed class EventKeyTests
{
    // Values printed by event_keys.py beside this file.
    [Theory]
    [InlineData("e-1", 0, -8712698522351072038)]
    [InlineData("e-1", 1, -8405829383792214492)]
    [InlineData("demo-e-00000001", 0, 8050006767504888272)]
    [InlineData("订单-42", 0, -5440511997576732936)]
    public void The_key_is_the_head_of_sha256_over_the_utf16_id(string eventId, int probe, long expected) =>
        Assert.Equal(expected, EventKey.Of(eventId, probe));

    [Fact]
    public async Task An_id_whose_key_another_id_holds_moves_to_its_next_probe_and_is_still_stored_once()
    {
        using var store = new TempStore();
        var gate = new WriteGate(store.Db);
        using var runner = new StatementRunner(store.Db, gate);
        await using var events = new IngestEvents(runner, store.Db, gate, new ExternalIds(store.Db), TimeProvider.System);
        await events.IngestAsync([Event("first", "cust-1")]);
        // Two different ids with one 64-bit key cannot be found by search; a stored row is given b's key instead.
        using (var connection = store.Db.Open())
            connection.Execute("UPDATE events SET event_key = @key WHERE event_id = 'first'", new { key = EventKey.Of("b") });

        var first = await events.IngestAsync([Event("b", "cust-1"), Event("b", "cust-1")]);
        var again = await events.IngestAsync([Event("b", "cust-2"), Event("c", "cust-2")]);

        Assert.Equal((1, 1), (first.Accepted, first.Duplicates));
        Assert.Equal((1, 1), (again.Accepted, again.Duplicates));
        using var check = store.Db.Open();
        Assert.Equal([EventKey.Of("b", 1)], check.Query<long>("SELECT event_key FROM events WHERE event_id = 'b'"));
        Assert.Equal(EventKey.Of("b"), check.ExecuteScalar<long>("SELECT event_key FROM events WHERE event_id = 'first'"));
        Assert.Equal(3, check.ExecuteScalar<long>("SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task Events_stored_before_the_keys_existed_get_their_keys_and_stay_deduplicated()
    {
        using var store = new TempStore(migrate: false);
        Assert.True(MigrateBefore0011(store).Successful);
        using (var connection = store.Db.Open())
            connection.Execute("""
                INSERT INTO customers (id, external_id, created_at, updated_at) VALUES (7, 'cust-7', '2025-06-01', '2025-06-01');
                INSERT INTO events (event_id, customer_id, type, occurred_at, value)
                WITH RECURSIVE n (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 500)
                SELECT 'old-' || value, 7, 'watch', '2025-06-01T12:00:00.000Z', value FROM n;
                """);

        var applied = new Migrator(store.Db).Migrate();

        Assert.Equal(["db/sqlite/0011_event_keys.sql"], applied.Where(n => n.Contains("0011", StringComparison.Ordinal)));
        using var check = store.Db.Open();
        var rows = check.Query<(long Id, long Key, string EventId, double Value)>(
            "SELECT id, event_key, event_id, value FROM events ORDER BY id").ToList();
        Assert.Equal(500, rows.Count);
        Assert.All(rows, r => Assert.Equal((EventKey.Of(r.EventId), $"old-{r.Value}", r.Id), (r.Key, r.EventId, (long)r.Value)));
        Assert.Equal(["ix_events_customer", "ix_events_live_session", "ux_events_event_key"],
            check.Query<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name"));

        var gate = new WriteGate(store.Db);
        using var runner = new StatementRunner(store.Db, gate);
        await using var events = new IngestEvents(runner, store.Db, gate, new ExternalIds(store.Db), TimeProvider.System);
        var resent = await events.IngestAsync([Event("old-1", "cust-7"), Event("old-500", "cust-7"), Event("new-1", "cust-7")]);
        Assert.Equal((1, 2), (resent.Accepted, resent.Duplicates));
    }

    [Fact]
    public void The_migration_gives_a_stored_id_whose_key_is_taken_its_next_probe()
    {
        using var store = new TempStore(migrate: false);
        Assert.True(MigrateBefore0011(store).Successful);
        using var connection = (Microsoft.Data.Sqlite.SqliteConnection)store.Db.Open();
        connection.Execute("""
            INSERT INTO customers (id, external_id, created_at, updated_at) VALUES (7, 'cust-7', '2025-06-01', '2025-06-01');
            INSERT INTO events (event_id, customer_id, type, occurred_at) VALUES
                ('x', 7, 'chat', '2025-06-01'), ('y', 7, 'chat', '2025-06-01'), ('z', 7, 'chat', '2025-06-01');
            """);
        // No two real ids with one SHA-256 head are known, so x and y are made to share their first probe here.
        connection.CreateFunction("event_key", (string id, long probe) => probe == 0 && id is "x" or "y" ? 42L : EventKey.Of(id, (int)probe));

        using (var tx = connection.BeginTransaction())
        {
            connection.Execute(Migrator.ReadScript("db/sqlite/0011_event_keys.sql"), transaction: tx);
            tx.Commit();
        }

        Assert.Equal([("x", 42L), ("y", EventKey.Of("y", 1)), ("z", EventKey.Of("z"))],
            connection.Query<(string, long)>("SELECT event_id, event_key FROM events ORDER BY id"));
    }

    private static DbUp.Engine.DatabaseUpgradeResult MigrateBefore0011(TempStore store) =>
        DeployChanges.To.SqliteDatabase(store.Db.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly,
                n => n.StartsWith("db/sqlite/", StringComparison.Ordinal) && string.CompareOrdinal(n, "db/sqlite/0011") < 0)
            .LogToNowhere().Build().PerformUpgrade();

    [Theory]
    [InlineData("2025-06-01T20:15:00+08:00")]
    [InlineData("2025-06-01T12:15:00.5Z")]
    [InlineData("2025-06-01T12:15:07.1234567Z")]
    [InlineData("2025-12-31T23:59:59.999-05:00")]
    public async Task The_writer_stores_times_as_the_text_ado_net_writes_for_them(string sent)
    {
        using var store = new TempStore();
        var gate = new WriteGate(store.Db);
        using var runner = new StatementRunner(store.Db, gate);
        await using var events = new IngestEvents(runner, store.Db, gate, new ExternalIds(store.Db), TimeProvider.System);
        await events.IngestAsync([new EventIn("t-1", "cust-1", "chat", sent)]);

        using var check = store.Db.Open();
        var utc = DateTimeOffset.Parse(sent, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
        // Dapper hands the DateTime to Microsoft.Data.Sqlite, which formats it the way every other query's parameters are.
        Assert.Equal(check.ExecuteScalar<string>("SELECT @utc", new { utc }), check.ExecuteScalar<string>("SELECT occurred_at FROM events"));
        Assert.Equal(1, check.ExecuteScalar<long>("SELECT COUNT(*) FROM events WHERE occurred_at = @utc", new { utc }));
    }

    private static EventIn Event(string id, string customer) => new(id, customer, "chat", "2025-06-01T20:15:00+08:00");
}
