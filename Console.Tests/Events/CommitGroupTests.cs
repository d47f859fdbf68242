using Console.Domain.Courses;
using Console.Domain.Data;
using Console.Domain.Events;
using Console.Domain.LiveSessions;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Events;

/// <summary>
/// The writer on SQLite: concurrent batches share commits, batches join a transaction already running, and
/// references are resolved from remembered ids before the gate. Duplicates and durability must hold through all of it.
/// </summary>
public sealed class CommitGroupTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly ExternalIds _ids;
    private readonly StatementRunner _runner;
    private readonly IngestEvents _events;

    public CommitGroupTests()
    {
        _ids = new ExternalIds(_store.Db);
        var gate = new WriteGate(_store.Db);
        _runner = new StatementRunner(_store.Db, gate);
        _events = new IngestEvents(_runner, _store.Db, gate, _ids, TimeProvider.System);
        new UpsertCourses(_store.Db, gate, TimeProvider.System, MoneyBounds.Default).UpsertAsync([new CourseIn("course-1", "Course 1", "99")]).GetAwaiter().GetResult();
        new UpsertLiveSessions(_store.Db, gate, _ids, TimeProvider.System)
            .UpsertAsync([new LiveSessionIn("live-1", "course-1", "Live 1")]).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _events.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _runner.Dispose();
        _store.Dispose();
    }

    private static EventIn Event(string id, string customer, string? course = null, string? live = null) =>
        new(id, customer, "chat", "2025-06-01T20:15:00+08:00", course, live);

    private long Count(string sql, object? parameters = null)
    {
        using var connection = _store.Db.Open();
        return connection.ExecuteScalar<long>(sql, parameters);
    }

    [Fact]
    public async Task Many_concurrent_overlapping_batches_store_each_event_once_and_every_answer_is_already_committed()
    {
        // 48 batches of 200 over 3,000 ids, each id sent in two or three batches; a third name customers not seen before.
        var batches = Enumerable.Range(0, 48).Select(b => Enumerable.Range(0, 200)
            .Select(i => (b * 200 + i * 7) % 3_000)
            .Select(n => Event($"ev-{n}", n % 3 == 0 ? $"new-{n % 40}" : $"cust-{n % 25}", n % 2 == 0 ? "course-1" : null, n % 5 == 0 ? "live-1" : null))
            .ToList()).ToList();
        await _events.IngestAsync([Event("ev-warm", "cust-0")]);

        var answers = await Task.WhenAll(batches.Select(async batch =>
        {
            var result = await Task.Run(() => _events.IngestAsync(batch));
            // A fresh connection sees this batch's accepted rows the moment its answer exists.
            var stored = Count("SELECT COUNT(*) FROM events WHERE event_id IN (SELECT value FROM json_each(@ids))",
                new { ids = System.Text.Json.JsonSerializer.Serialize(batch.Select(e => e.EventId)) });
            return (result, stored, distinct: batch.Select(e => e.EventId).Distinct().Count());
        }));

        Assert.All(answers, a => Assert.Empty(a.result.Rejected));
        Assert.All(answers, a => Assert.Equal(200, a.result.Accepted + a.result.Duplicates));
        Assert.All(answers, a => Assert.Equal(a.distinct, a.stored));
        var distinctIds = batches.SelectMany(b => b).Select(e => e.EventId).Distinct().Count();
        Assert.Equal(distinctIds, answers.Sum(a => a.result.Accepted));
        Assert.Equal(48 * 200 - distinctIds, answers.Sum(a => a.result.Duplicates));
        Assert.Equal(distinctIds + 1, Count("SELECT COUNT(*) FROM events"));
        Assert.Equal(distinctIds + 1, Count("SELECT COUNT(DISTINCT event_id) FROM events"));
        Assert.Equal(40, Count("SELECT COUNT(*) FROM customers WHERE is_stub = 1 AND external_id LIKE 'new-%'"));
    }

    [Fact]
    public async Task A_batch_resolved_from_remembered_ids_stores_the_same_references_as_one_looked_up()
    {
        var first = await _events.IngestAsync([Event("a-1", "cust-x", "course-1", "live-1")]);
        var second = await _events.IngestAsync([Event("a-2", "cust-x", "course-1", "live-1"), Event("a-1", "cust-x", "course-1", "live-1")]);
        var third = await _events.IngestAsync([Event("a-3", "cust-x", "no-such-course"), Event("a-4", "cust-x", live: "no-such-live"), Event("a-5", "cust-x")]);

        Assert.Equal((1, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((1, 1), (second.Accepted, second.Duplicates));
        Assert.Equal((1, 0), (third.Accepted, third.Duplicates));
        Assert.Equal([(0, "unknown_course"), (1, "unknown_live_session")], third.Rejected.Select(r => (r.Index, r.Error)));
        Assert.Equal(1, Count("""
            SELECT COUNT(DISTINCT e.customer_id || '/' || e.course_id || '/' || e.live_session_id) FROM events e
            JOIN customers c ON c.id = e.customer_id AND c.external_id = 'cust-x'
            JOIN courses k ON k.id = e.course_id AND k.external_id = 'course-1'
            JOIN live_sessions s ON s.id = e.live_session_id AND s.external_id = 'live-1'
            WHERE e.event_id IN ('a-1', 'a-2')
            """));
        Assert.Equal(3, Count("SELECT COUNT(*) FROM events WHERE event_id LIKE 'a-%'"));
    }

    [Fact]
    public async Task A_failure_inside_a_commit_group_stores_nothing_of_its_batches_and_the_writer_goes_on()
    {
        using (var connection = _store.Db.Open())
            connection.Execute("CREATE TRIGGER fail_doomed BEFORE INSERT ON events WHEN NEW.event_id = 'doomed' BEGIN SELECT RAISE(ABORT, 'forced failure'); END;");
        var batches = Enumerable.Range(0, 24).Select(b => Enumerable.Range(0, 100)
            .Select(i => Event(b == 7 && i == 50 ? "doomed" : $"f-{b}-{i}", $"cust-{i % 9}")).ToList()).ToList();

        var outcomes = await Task.WhenAll(batches.Select(async batch =>
        {
            try { return (Batch: batch, Result: await Task.Run(() => _events.IngestAsync(batch))); }
            catch (Microsoft.Data.Sqlite.SqliteException e) when (e.Message.Contains("forced failure", StringComparison.Ordinal))
            {
                return (Batch: batch, Result: (IngestResult?)null);
            }
        }));

        // Each batch is all or nothing: answered and stored, or failed with none of its rows stored.
        Assert.Contains(outcomes, o => o.Result is null && o.Batch.Any(e => e.EventId == "doomed"));
        foreach (var (batch, result) in outcomes)
        {
            var stored = Count("SELECT COUNT(*) FROM events WHERE event_id IN (SELECT value FROM json_each(@ids))",
                new { ids = System.Text.Json.JsonSerializer.Serialize(batch.Select(e => e.EventId)) });
            Assert.Equal(result is null ? 0 : 100, stored);
        }

        // The sender retries; the writer took a fresh connection and every event ends up stored once.
        using (var connection = _store.Db.Open()) connection.Execute("DROP TRIGGER fail_doomed");
        var retried = await Task.WhenAll(outcomes.Select(o => _events.IngestAsync(o.Batch)));
        Assert.Equal(outcomes.Count(o => o.Result is null) * 100, retried.Sum(r => r.Accepted));
        Assert.Equal(24 * 100, Count("SELECT COUNT(*) FROM events WHERE event_id LIKE 'f-%' OR event_id = 'doomed'"));
    }
}
