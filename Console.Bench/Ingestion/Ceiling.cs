using Microsoft.Data.Sqlite;

namespace Console.Bench.Ingestion;

/// <summary>The in-process ceiling: the same rows, already resolved to row ids, through one prepared insert in one transaction.</summary>
internal static class Ceiling
{
    /// <summary>Events per wall-clock second and per CPU-second of this thread's process.</summary>
    public static (double Wall, double Cpu) EventsPerSecond(BenchStore store, List<BenchEvent> events)
    {
        var customers = store.Ids("customers");
        var courses = store.Ids("courses");
        var sessions = store.Ids("live_sessions");
        using var connection = (SqliteConnection)store.Db.Open();
        using (var pragma = connection.CreateCommand())
        {
            // The same page cache the server's event writer uses, so the two differ only in the path to the table.
            pragma.CommandText = "PRAGMA cache_size = -65536;";
            pragma.ExecuteNonQuery();
        }
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO events (event_id, customer_id, type, occurred_at, course_id, live_session_id, value)
            VALUES ($eventId, $customerId, $type, $occurredAt, $courseId, $liveSessionId, $value)
            """;
        var eventId = insert.Parameters.Add("$eventId", SqliteType.Text);
        var customerId = insert.Parameters.Add("$customerId", SqliteType.Integer);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var occurredAt = insert.Parameters.Add("$occurredAt", SqliteType.Text);
        var courseId = insert.Parameters.Add("$courseId", SqliteType.Integer);
        var sessionId = insert.Parameters.Add("$liveSessionId", SqliteType.Integer);
        var value = insert.Parameters.Add("$value", SqliteType.Real);
        insert.Prepare();
        foreach (var e in events)
        {
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
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (events.Count / seconds, events.Count / cpuSeconds);
    }
}
