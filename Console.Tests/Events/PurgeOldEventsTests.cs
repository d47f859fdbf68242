using Console.Domain.Consent;
using Console.Domain.Data;
using Console.Domain.Events;
using Console.Domain.Sales;
using Console.Jobs.Events;
using Console.Tests.Admin;
using Dapper;

namespace Console.Tests.Events;

/// <summary>Raw events past the retention set on the privacy page go; the rollups, and events not yet counted, stay.</summary>
public sealed class PurgeOldEventsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 4, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();
    private readonly ManualClock _clock = new(Now);
    private readonly StatementRunner _runner;
    private readonly EventRetention _retention;

    public PurgeOldEventsTests()
    {
        _runner = new StatementRunner(_store.Db, new WriteGate(_store.Db));
        _retention = new EventRetention(_store.Db, _runner, _clock);
        using var connection = _store.Db.Open();
        connection.Execute("""
            INSERT INTO customers (id, external_id, created_at, updated_at) VALUES (1, 'c1', '2025-01-01', '2025-01-01');
            INSERT INTO courses (id, external_id, title, list_price, created_at, updated_at) VALUES (1, 'k1', 'Course', 10000, '2025-01-01', '2025-01-01');
            """);
    }

    private void Events(int count, int daysAgo)
    {
        using var connection = _store.Db.Open();
        using var tx = connection.BeginTransaction();
        var first = connection.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) FROM events", transaction: tx);
        for (var i = 1; i <= count; i++)
        {
            var id = $"e{first + i}";
            connection.Execute("""
                INSERT INTO events (event_id, event_key, customer_id, type, occurred_at, course_id) VALUES (@id, @key, 1, 'page_view', @at, 1)
                """, new { id, key = EventKey.Of(id), at = Now.UtcDateTime.AddDays(-daysAgo).AddMinutes(i % 600) }, tx);
        }
        tx.Commit();
    }

    private void FunnelCounted()
    {
        using var connection = _store.Db.Open();
        connection.Execute("UPDATE live_funnel_progress SET last_event_id = (SELECT MAX(id) FROM events) WHERE id = 1");
    }

    private long Count()
    {
        using var connection = _store.Db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM events");
    }

    private PurgeOldEvents Purge() => new(_runner, _retention, _clock);

    [Fact]
    public async Task Without_a_retention_nothing_goes_and_a_retention_outside_its_bounds_is_refused_next_to_its_field()
    {
        Events(50, daysAgo: 900);
        FunnelCounted();
        Assert.Equal(0, (await Purge().RunAsync()).Events);

        var refused = await _retention.SaveAsync(7, "admin@test");
        Assert.Equal(("rawEventDays", FieldCodes.Between), (Assert.Single(refused).Field, refused.Single().Code));
        Assert.Null(await _retention.GetAsync());
        Assert.Equal(50, Count());
    }

    [Fact]
    public async Task Events_older_than_the_retention_go_in_batches_and_a_second_run_removes_nothing_more()
    {
        Events(PurgeOldEvents.Batch * 2 + 300, daysAgo: 400);
        Events(40, daysAgo: 10);
        FunnelCounted();
        Assert.True((await _retention.SaveAsync(365, "admin@test")).Valid);

        var purged = await new PurgeOldEventsJob(Purge()).ExecuteAsync(CancellationToken.None);

        Assert.Equal(PurgeOldEvents.Batch * 2 + 300, purged);
        Assert.Equal(40, Count());
        Assert.Equal(0, (await Purge().RunAsync()).Events);
        using var connection = _store.Db.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.retention'"));
    }

    [Fact]
    public async Task Old_events_the_live_funnel_has_not_counted_yet_stay_until_it_has()
    {
        Events(30, daysAgo: 500);
        FunnelCounted();
        Events(20, daysAgo: 450);
        await _retention.SaveAsync(365, "admin@test");

        Assert.Equal(30, (await Purge().RunAsync()).Events);
        Assert.Equal(20, Count());

        await new RollupLiveFunnel(_store.Db, _clock).RunAsync();
        Assert.Equal(20, (await Purge().RunAsync()).Events);
        Assert.Equal(0, Count());
    }

    public void Dispose() => _store.Dispose();
}
