using System.Collections.Concurrent;
using System.Data.Common;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Microsoft.Data.Sqlite;
using Outcome = Console.Domain.Orders.CreateOrder.Outcome;

namespace Console.Domain.Orders;

/// <summary>
/// SQLite's side of CreateOrder: checkouts queue for the single writer, and the first one through writes every queued
/// order in one transaction on one long-lived connection, answering each caller only after the commit.
/// </summary>
internal sealed class CheckoutWriter(Db db, Pricing pricing, WriteGate gate) : IDisposable
{
    // A commit writes every page its orders touched once; orders that share it (the coupon's campaign row, the tails
    // of orders, discounts and redemptions) share that cost. The cap bounds the wait of the first order in a group.
    private const int MaxOrdersPerCommit = 128;
    private readonly ConcurrentQueue<Pending> _waiting = new();
    private DbConnection? _writer;
    private int _checkouts;

    private sealed record Pending(CheckoutOrder Order, DateTime Now)
    {
        public TaskCompletionSource<Outcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<Outcome> WriteAsync(CheckoutOrder order, DateTime now)
    {
        var pending = new Pending(order, now);
        _waiting.Enqueue(pending);
        Interlocked.Increment(ref _checkouts);
        // Once queued the order is written even if its caller leaves: the orderId makes a retry harmless.
        using (await gate.EnterAsync(CancellationToken.None))
        {
            try
            {
                if (!pending.Done.Task.IsCompleted) await WriteWaitingAsync();
            }
            finally
            {
                // With nobody queued it goes back to the pool, so no checkout holds the file open between bursts.
                if (Interlocked.Decrement(ref _checkouts) == 0) CloseWriter();
            }
        }
        return await pending.Done.Task;
    }

    private async Task WriteWaitingAsync()
    {
        var group = new List<Pending>();
        while (group.Count < MaxOrdersPerCommit && _waiting.TryDequeue(out var next)) group.Add(next);
        var outcomes = new (Outcome? Outcome, Exception? Error)[group.Count];
        try
        {
            // One writer at a time, so every group shares one connection: nothing to open, a page cache that stays warm.
            _writer ??= await OpenWriterAsync();
            if (!await WriteGroupAsync(_writer, group, outcomes, savepointEach: false))
                await WriteGroupAsync(_writer, group, outcomes, savepointEach: true);
        }
        catch (Exception e)
        {
            // The commit (or a rollback to a savepoint) failed: none of the group is stored, and every caller hears so.
            CloseWriter();
            foreach (var pending in group) pending.Done.TrySetException(e);
            return;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (outcomes[i].Error is { } error) group[i].Done.TrySetException(error);
            else group[i].Done.TrySetResult(outcomes[i].Outcome!);
        }
    }

    /// <summary>
    /// Writes a group in one transaction. A savepoint keeps a copy of every page its order changes, so simple orders
    /// (StoreOrder.SimpleOrder: nothing to undo when refused) go without one. If such an order fails half-way, the
    /// transaction is dropped and false returned, and the caller writes the group again with a savepoint for each.
    /// </summary>
    private async Task<bool> WriteGroupAsync(DbConnection connection, List<Pending> group, (Outcome?, Exception?)[] outcomes, bool savepointEach)
    {
        var kept = WriterStatements.For(connection)!;
        await using var tx = await connection.BeginTransactionAsync();
        for (var i = 0; i < group.Count; i++)
        {
            if (savepointEach || !StoreOrder.SimpleOrder(group[i].Order))
            {
                outcomes[i] = await InSavepointAsync(connection, tx, kept, group[i]);
                continue;
            }
            try
            {
                outcomes[i] = (await StoreOrder.ExecuteAsync(connection, tx, db, pricing, group[i].Order, group[i].Now, CancellationToken.None), null);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or CodeTaken)
            {
                return false;
            }
        }
        await tx.CommitAsync();
        return true;
    }

    /// <summary>One order of a group: whatever it does not keep is rolled back to its savepoint, leaving the others intact.</summary>
    private async Task<(Outcome?, Exception?)> InSavepointAsync(DbConnection connection, DbTransaction tx, WriterStatements kept, Pending pending)
    {
        for (var attempt = 1; ; attempt++)
        {
            await kept.ExecuteAsync("SAVEPOINT checkout", tx, CancellationToken.None);
            Outcome outcome;
            try
            {
                outcome = await StoreOrder.ExecuteAsync(connection, tx, db, pricing, pending.Order, pending.Now, CancellationToken.None);
            }
            catch (CodeTaken taken)
            {
                await kept.ExecuteAsync("ROLLBACK TO checkout; RELEASE checkout", tx, CancellationToken.None);
                return (new Outcome.Refused(taken.Refusal), null);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                await kept.ExecuteAsync("ROLLBACK TO checkout; RELEASE checkout", tx, CancellationToken.None);
                if (e is DbException unique && OrderStore.IsUniqueViolation(unique) && attempt < 2) continue;
                return (null, e);
            }
            await kept.ExecuteAsync(outcome is Outcome.Created ? "RELEASE checkout" : "ROLLBACK TO checkout; RELEASE checkout",
                tx, CancellationToken.None);
            return (outcome, null);
        }
    }

    private async Task<DbConnection> OpenWriterAsync()
    {
        var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        // Checkpoint every 64 MB of log rather than 4 MB: hot index pages are copied back (and synced) far less often.
        // Each savepoint keeps the first image of every page its order changes: in memory, not in a temporary file.
        command.CommandText = "PRAGMA wal_autocheckpoint = 16384; PRAGMA temp_store = MEMORY;";
        await command.ExecuteNonQueryAsync();
        WriterStatements.Attach((SqliteConnection)connection);
        return connection;
    }

    private void CloseWriter()
    {
        if (_writer is null) return;
        WriterStatements.Detach(_writer);
        _writer.Dispose();
        _writer = null;
    }

    public void Dispose() => CloseWriter();
}
