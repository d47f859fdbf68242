using Console.Domain.Events;
using Microsoft.Data.Sqlite;

namespace Console.Bench.Ingestion;

/// <summary>
/// The in-process ceiling: the same rows, already resolved to row ids, through the server's prepared insert (keyed by <see cref="EventKey"/>) in one
/// transaction. With <c>commitEvery</c> it commits every so many rows instead, to show what commits alone cost.
/// </summary>
internal static class Ceiling
{
    /// <summary>Events per wall-clock second and per CPU-second of this thread's process.</summary>
    public static (double Wall, double Cpu) EventsPerSecond(BenchStore store, List<BenchEvent> events, int commitEvery = int.MaxValue)
    {
        var customers = store.Ids("customers");
        var courses = store.Ids("courses");
        var sessions = store.Ids("live_sessions");
        using var connection = (SqliteConnection)store.Db.Open();
        using (var pragma = connection.CreateCommand())
        {
            // The same page cache and checkpoint policy as the server's event writer: the two differ only in the path to the table.
            pragma.CommandText = "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;";
            pragma.ExecuteNonQuery();
        }
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO events (event_key, event_id, customer_id, type, occurred_at, course_id, live_session_id, value)
            VALUES ($eventKey, $eventId, $customerId, $type, $occurredAt, $courseId, $liveSessionId, $value)
            ON CONFLICT (event_key) DO NOTHING
            """;
        var eventKey = insert.Parameters.Add("$eventKey", SqliteType.Integer);
        var eventId = insert.Parameters.Add("$eventId", SqliteType.Text);
        var customerId = insert.Parameters.Add("$customerId", SqliteType.Integer);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var occurredAt = insert.Parameters.Add("$occurredAt", SqliteType.Text);
        var courseId = insert.Parameters.Add("$courseId", SqliteType.Integer);
        var sessionId = insert.Parameters.Add("$liveSessionId", SqliteType.Integer);
        var value = insert.Parameters.Add("$value", SqliteType.Real);
        insert.Prepare();
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0 && i % commitEvery == 0)
            {
                tx.Commit();
                tx.Dispose();
                insert.Transaction = tx = connection.BeginTransaction();
            }
            var e = events[i];
            // The server hashes each id as well, though outside its writer: the ceiling pays for it in its one loop.
            eventKey.Value = EventKey.Of(e.EventId);
            eventId.Value = e.EventId;
            customerId.Value = customers[e.Customer];
            type.Value = e.Type;
            occurredAt.Value = e.OccurredAt;
            courseId.Value = e.Course is null ? DBNull.Value : courses[e.Course];
            sessionId.Value = e.Live is null ? DBNull.Value : sessions[e.Live];
            value.Value = e.Value is { } v ? v : DBNull.Value;
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        tx.Dispose();
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (events.Count / seconds, events.Count / cpuSeconds);
    }
}
