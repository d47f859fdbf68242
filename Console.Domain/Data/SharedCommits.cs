using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Data;

/// <summary>
/// SQLite's side of <see cref="StatementRunner.WriteAsync{T}"/>: units queue for the single writer, and the first one
/// through writes every queued unit in one transaction on one long-lived connection, with its statements kept
/// prepared, answering each caller only after the commit.
/// </summary>
internal sealed class SharedCommits(Db db, WriteGate gate) : IDisposable
{
    // A commit writes every page its units touched once; units that share it (a coupon's campaign row, the tails of
    // orders, discounts and redemptions) share that cost. The cap bounds the wait of the first unit in a group.
    private const int MaxUnitsPerCommit = 128;
    // Writers that come in quick bursts (an email sender's lanes, one group per message) keep the connection and its
    // prepared statements across the gaps; it goes back to the pool once nothing has been written for this long.
    private static readonly TimeSpan IdleClose = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentQueue<Pending> _waiting = new();
    private SqliteConnection? _writer;
    private KeptCommands? _kept;
    private int _queued;
    private long _groups;

    /// <summary>A queued unit of any outcome type; it keeps its own outcome until the group's commit decides.</summary>
    private abstract class Pending
    {
        public abstract bool UndoFree { get; }

        /// <summary>Runs the unit; true when its outcome is to be kept.</summary>
        public abstract Task<bool> RunAsync(Statements statements);

        public abstract bool TryRefuse(Exception e);

        public abstract void Fail(Exception e);

        public abstract void Answer();
    }

    private sealed class Pending<T>(WriteUnit<T> unit) : Pending where T : class
    {
        private T? _outcome;
        private Exception? _error;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override bool UndoFree => unit.UndoFree;

        public override async Task<bool> RunAsync(Statements statements)
        {
            (_outcome, _error) = (await unit.Run(statements, CancellationToken.None), null);
            return unit.Keep(_outcome);
        }

        public override bool TryRefuse(Exception e)
        {
            if (unit.Refusal(e) is not { } refused) return false;
            (_outcome, _error) = (refused, null);
            return true;
        }

        public override void Fail(Exception e) => (_outcome, _error) = (null, e);

        public override void Answer()
        {
            if (_error is not null) Done.TrySetException(_error);
            else Done.TrySetResult(_outcome!);
        }
    }

    public async Task<T> WriteAsync<T>(WriteUnit<T> unit) where T : class
    {
        var pending = new Pending<T>(unit);
        _waiting.Enqueue(pending);
        Interlocked.Increment(ref _queued);
        // Once queued the unit is written even if its caller leaves: units are safe to repeat, so a retry is harmless.
        using (await gate.EnterAsync(CancellationToken.None))
        {
            try
            {
                if (!pending.Done.Task.IsCompleted) await WriteWaitingAsync();
            }
            finally
            {
                // With nobody queued it goes back to the pool soon after, so no writer holds the file open between bursts.
                if (Interlocked.Decrement(ref _queued) == 0) _ = CloseWhenIdleAsync(Interlocked.Read(ref _groups));
            }
        }
        return await pending.Done.Task;
    }

    private async Task CloseWhenIdleAsync(long seen)
    {
        await Task.Delay(IdleClose);
        using (await gate.EnterAsync(CancellationToken.None))
            if (Interlocked.Read(ref _groups) == seen && Volatile.Read(ref _queued) == 0) CloseWriter();
    }

    private async Task WriteWaitingAsync()
    {
        Interlocked.Increment(ref _groups);
        var group = new List<Pending>();
        while (group.Count < MaxUnitsPerCommit && _waiting.TryDequeue(out var next)) group.Add(next);
        try
        {
            // One writer at a time, so every group shares one connection: nothing to open, a page cache that stays warm.
            if (_writer is null) (_writer, _kept) = await OpenWriterAsync();
            if (!await WriteGroupAsync(_writer, _kept!, group, savepointEach: false))
                await WriteGroupAsync(_writer, _kept!, group, savepointEach: true);
        }
        catch (Exception e)
        {
            // The commit (or a rollback to a savepoint) failed: none of the group is stored, and every caller hears so.
            CloseWriter();
            foreach (var pending in group) pending.Fail(e);
        }
        foreach (var pending in group) pending.Answer();
    }

    /// <summary>
    /// Writes a group in one transaction. A savepoint keeps a copy of every page its unit changes, so units that are
    /// UndoFree go without one. If such a unit fails half-way, the transaction is dropped and false returned, and the
    /// caller writes the group again with a savepoint for each.
    /// </summary>
    private static async Task<bool> WriteGroupAsync(SqliteConnection connection, KeptCommands kept, List<Pending> group, bool savepointEach)
    {
        await using var tx = await connection.BeginTransactionAsync();
        var statements = new Statements(connection, tx, Dialect.Sqlite, kept, ownsConnection: false);
        foreach (var pending in group)
        {
            if (savepointEach || !pending.UndoFree)
            {
                await InSavepointAsync(statements, pending);
                continue;
            }
            try
            {
                await pending.RunAsync(statements);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException || pending.TryRefuse(e))
            {
                return false;
            }
        }
        await tx.CommitAsync();
        return true;
    }

    /// <summary>One unit of a group: whatever it does not keep is rolled back to its savepoint, leaving the others intact.</summary>
    private static async Task InSavepointAsync(Statements statements, Pending pending)
    {
        for (var attempt = 1; ; attempt++)
        {
            await statements.ExecuteAsync("SAVEPOINT unit", CancellationToken.None);
            bool keep;
            try
            {
                keep = await pending.RunAsync(statements);
            }
            catch (Exception e) when (pending.TryRefuse(e))
            {
                await statements.ExecuteAsync("ROLLBACK TO unit; RELEASE unit", CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                await statements.ExecuteAsync("ROLLBACK TO unit; RELEASE unit", CancellationToken.None);
                if (e is DbException unique && StatementRunner.IsUniqueViolation(unique) && attempt < 2) continue;
                pending.Fail(e);
                return;
            }
            await statements.ExecuteAsync(keep ? "RELEASE unit" : "ROLLBACK TO unit; RELEASE unit", CancellationToken.None);
            return;
        }
    }

    private async Task<(SqliteConnection, KeptCommands)> OpenWriterAsync()
    {
        var connection = (SqliteConnection)await db.OpenAsync();
        await using var command = connection.CreateCommand();
        // Checkpoint every 64 MB of log rather than 4 MB: hot index pages are copied back (and synced) far less often.
        // Each savepoint keeps the first image of every page its unit changes: in memory, not in a temporary file.
        command.CommandText = "PRAGMA wal_autocheckpoint = 16384; PRAGMA temp_store = MEMORY;";
        await command.ExecuteNonQueryAsync();
        return (connection, new KeptCommands(connection));
    }

    private void CloseWriter()
    {
        _kept?.Dispose();
        _writer?.Dispose();
        (_kept, _writer) = (null, null);
    }

    public void Dispose() => CloseWriter();
}
