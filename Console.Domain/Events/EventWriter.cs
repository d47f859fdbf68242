using System.Collections.Concurrent;
using System.Data.Common;
using Console.Domain.Data;

namespace Console.Domain.Events;

/// <summary>An event that passed validation, waiting for its references to be resolved and to be written.</summary>
internal readonly record struct EventRow(int Index, string EventId, long Key, string Customer, string Type, DateTime OccurredAt,
    string? Course, string? Session, double? Value, long? CourseId = null, long? SessionId = null, long CustomerId = 0,
    string? Coupon = null, long? CouponCampaignId = null);

/// <summary>
/// Writes validated batches. On SQLite, batches that arrive while a commit runs queue at the gate and the first
/// one through writes all of them in one transaction, on one long-lived connection with a prepared insert and
/// a warm page cache: per-row cost on a growing table is mostly commits and cold index pages. References are
/// resolved from remembered ids before a batch queues, so the writer's transaction only inserts. Each batch still
/// gets its own counts and rejections. The runner chooses the engine: on SQL Server every batch is a unit of its own,
/// with its own pooled connection and transaction.
/// </summary>
internal sealed class EventWriter(StatementRunner runner, Db db, WriteGate gate, ExternalIds ids) : IAsyncDisposable
{
    private readonly ClaimedCodes _codes = new(db);
    // Each commit rewrites every index page its rows touched, so the more rows share one, the cheaper each row;
    // the cap keeps one commit (and the wait of the batches in it) well under a second.
    private const int MaxRowsPerCommit = 32_000;
    private readonly ConcurrentQueue<Pending> _waiting = new();
    private DbConnection? _connection;
    private EventInsert? _insert;

    /// <param name="Resolved">The rows with their row ids when every reference was remembered; null leaves the lookups to the writer.</param>
    private sealed record Pending(List<EventRow> Rows, List<Rejection> Rejected, DateTime Now, List<EventRow>? Resolved)
    {
        public TaskCompletionSource<IngestResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A batch's answer, and the customers it created on SQL Server, remembered only once committed.</summary>
    private sealed record Written(IngestResult Result, Dictionary<string, long>? Customers);

    public async Task<IngestResult> WriteAsync(List<EventRow> rows, List<Rejection> rejected, DateTime now, CancellationToken ct)
    {
        var written = await runner.WriteAsync(new WriteUnit<Written>(
            (statements, token) => WriteOwnAsync(statements, rows, rejected, now, token), _ => true, _ => null, UndoFree: false),
            async () => new Written(await QueueAsync(rows, rejected, now), null), ct);
        if (written.Customers is not null) ids.RememberCustomers(written.Customers);
        return written.Result;
    }

    /// <summary>One batch in the transaction the runner opened for it; a repeated run starts again from the batch's own rejections.</summary>
    private async Task<Written> WriteOwnAsync(Statements statements, List<EventRow> rows, List<Rejection> rejected, DateTime now,
        CancellationToken ct)
    {
        var pending = new Pending(rows, [.. rejected], now, Resolved: null);
        await using var insert = EventInsert.Create(statements.Connection, statements.Transaction!, sqlite: false);
        var (_, result, customers) = (await WritePassesAsync(statements.Connection, statements.Transaction!, insert, [[pending]], ct))[0];
        return new Written(result, customers);
    }

    private async Task<IngestResult> QueueAsync(List<EventRow> rows, List<Rejection> rejected, DateTime now)
    {
        var queued = new Pending(rows, rejected, now, RememberedReferences.TryResolve(ids, _codes, rows));
        _waiting.Enqueue(queued);
        // Once queued the batch is written even if its caller leaves: eventIds make a retry harmless.
        using (await gate.EnterAsync(CancellationToken.None))
        {
            if (!queued.Done.Task.IsCompleted) await WriteWaitingAsync();
        }
        return await queued.Done.Task;
    }

    private async Task WriteWaitingAsync()
    {
        var taken = new List<Pending>();
        try
        {
            _connection ??= await OpenWriterAsync();
            await WriteGroupAsync(_connection, Drain(taken));
        }
        catch (Exception e)
        {
            await DisposeAsync();
            foreach (var pending in taken) pending.Done.TrySetException(e);
        }
    }

    /// <summary>
    /// Hands out the queued batches in passes until the cap, looking again after each pass: batches that arrive
    /// while the transaction runs join it, so senders answered by the last commit share the next one instead of
    /// splitting into two halves that take turns.
    /// </summary>
    private IEnumerable<List<Pending>> Drain(List<Pending> taken)
    {
        var rows = 0;
        while (rows < MaxRowsPerCommit)
        {
            var pass = new List<Pending>();
            while (rows < MaxRowsPerCommit && _waiting.TryDequeue(out var next))
            {
                taken.Add(next);
                pass.Add(next);
                rows += next.Rows.Count;
            }
            if (pass.Count == 0) yield break;
            yield return pass;
        }
    }

    /// <summary>The queued batches in one transaction on SQLite's writer, each answered once it is committed.</summary>
    private async Task WriteGroupAsync(DbConnection connection, IEnumerable<List<Pending>> passes)
    {
        await using var tx = await connection.BeginTransactionAsync();
        var insert = _insert ??= EventInsert.Create(connection, tx, sqlite: true);
        var written = await WritePassesAsync(connection, tx, insert, passes, CancellationToken.None);
        await tx.CommitAsync();
        foreach (var (_, _, customers) in written) if (customers is not null) ids.RememberCustomers(customers);
        foreach (var (pending, result, _) in written) pending.Done.TrySetResult(result);
    }

    private async Task<List<(Pending Pending, IngestResult Result, Dictionary<string, long>? Customers)>> WritePassesAsync(
        DbConnection connection, DbTransaction tx, EventInsert insert, IEnumerable<List<Pending>> passes, CancellationToken ct)
    {
        var written = new List<(Pending Pending, IngestResult Result, Dictionary<string, long>? Customers)>();
        foreach (var pass in passes)
        {
            var resolved = new List<(List<EventRow> Rows, Dictionary<string, long>? Customers)>(pass.Count);
            foreach (var pending in pass) resolved.Add(await ResolveAsync(connection, tx, pending));
            var accepted = await insert.ExecuteInKeyOrderAsync(tx, resolved.ConvertAll(r => r.Rows), ct);
            for (var i = 0; i < pass.Count; i++)
            {
                var rows = resolved[i].Rows.Count;
                var result = new IngestResult(accepted[i], rows - accepted[i], Rejection.InOrder(pass[i].Rejected));
                written.Add((pass[i], result, resolved[i].Customers));
            }
        }
        return written;
    }

    /// <summary>A batch's rows with their row ids, and the customers it had to look up, to be remembered once committed.</summary>
    private async Task<(List<EventRow>, Dictionary<string, long>?)> ResolveAsync(DbConnection connection, DbTransaction tx, Pending pending)
    {
        if (pending.Resolved is { } resolved) return (resolved, null);
        var known = await KnownReferencesAsync(connection, tx, pending.Rows, pending.Rejected);
        var customers = await ids.EnsureCustomersAsync(connection, tx, known.Select(r => r.Customer).ToHashSet(StringComparer.Ordinal), pending.Now);
        return (known.ConvertAll(r => r with { CustomerId = customers[r.Customer] }), customers);
    }

    /// <summary>Resolves course, session and coupon campaign ids; an item naming one we do not know is rejected, the rest go on.</summary>
    private async Task<List<EventRow>> KnownReferencesAsync(DbConnection c, DbTransaction tx, List<EventRow> rows, List<Rejection> rejected)
    {
        var courseIds = rows.Where(r => r.Course is not null).Select(r => r.Course!).ToHashSet(StringComparer.Ordinal);
        var sessionIds = rows.Where(r => r.Session is not null).Select(r => r.Session!).ToHashSet(StringComparer.Ordinal);
        var codes = rows.Where(r => r.Coupon is not null).Select(r => r.Coupon!).ToHashSet(StringComparer.Ordinal);
        var courses = courseIds.Count == 0 ? [] : await ids.CoursesAsync(c, tx, courseIds);
        var sessions = sessionIds.Count == 0 ? [] : await ids.LiveSessionsAsync(c, tx, sessionIds);
        var campaigns = codes.Count == 0 ? [] : await _codes.CampaignsAsync(c, tx, codes);
        var known = new List<EventRow>(rows.Count);
        foreach (var row in rows)
        {
            long courseId = 0, sessionId = 0, campaignId = 0;
            if (row.Course is not null && !courses.TryGetValue(row.Course, out courseId))
                rejected.Add(new Rejection(row.Index, "unknown_course", $"No course has externalId '{row.Course}'."));
            else if (row.Session is not null && !sessions.TryGetValue(row.Session, out sessionId))
                rejected.Add(new Rejection(row.Index, "unknown_live_session", $"No live session has externalId '{row.Session}'."));
            else if (row.Coupon is not null && !campaigns.TryGetValue(row.Coupon, out campaignId))
                rejected.Add(new Rejection(row.Index, "unknown_coupon_code", $"No coupon campaign has the code '{row.Coupon}'."));
            else
                known.Add(row with
                {
                    CourseId = row.Course is null ? null : courseId, SessionId = row.Session is null ? null : sessionId,
                    CouponCampaignId = row.Coupon is null ? null : campaignId,
                });
        }
        return known;
    }

    /// <summary>
    /// The writer keeps a larger page cache than pooled connections (the event indexes are where inserts land) and
    /// checkpoints less often: random index pages rewritten by several commits are then copied back once, with fewer syncs.
    /// </summary>
    private async Task<DbConnection> OpenWriterAsync()
    {
        var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null) await _insert.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
        (_insert, _connection) = (null, null);
    }
}
