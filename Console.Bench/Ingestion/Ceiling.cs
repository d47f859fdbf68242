using Console.Domain.Data;
using Console.Domain.Events;
using Microsoft.Data.Sqlite;

namespace Console.Bench.Ingestion;

/// <summary>
/// The in-process ceiling: the same rows, already resolved to row ids, through the server's own insert
/// (<see cref="EventInsert"/>, rows in arrival order) in one transaction. With <c>commitEvery</c> it commits every
/// so many rows instead, to show what commits alone cost.
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
        var insert = EventInsert.Create(connection, tx, sqlite: true);
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0 && i % commitEvery == 0)
            {
                tx.Commit();
                tx.Dispose();
                tx = connection.BeginTransaction();
            }
            var e = events[i];
            // The server hashes each id as well, though outside its writer: the ceiling pays for it in its one loop.
            var row = new EventRow(i, e.EventId, EventKey.Of(e.EventId), e.Customer, e.Type, e.OccurredAt, e.Course, e.Live, e.Value,
                e.Course is null ? null : courses[e.Course], e.Live is null ? null : sessions[e.Live], customers[e.Customer]);
            insert.ExecuteAsync(tx, row, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        tx.Commit();
        tx.Dispose();
        insert.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (events.Count / seconds, events.Count / cpuSeconds);
    }
}
