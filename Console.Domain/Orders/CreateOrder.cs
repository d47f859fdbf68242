using System.Collections.Concurrent;
using System.Data.Common;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Orders;

/// <summary>
/// Records an order the platform has been paid for. Idempotent by orderId: a replay, even one racing the first
/// request, answers with the stored order and stores nothing. Everything of one order is written atomically
/// (StoreOrder): on SQL Server in its own transaction, on SQLite in its own savepoint of a shared commit.
/// </summary>
public sealed class CreateOrder(Db db, Pricing pricing, WriteGate gate, TimeProvider clock) : IDisposable
{
    // A commit writes every page its orders touched once; orders that share it (the coupon's campaign row, the tails
    // of orders, discounts and redemptions) share that cost. The cap bounds the wait of the first order in a group.
    private const int MaxOrdersPerCommit = 128;
    private readonly ConcurrentQueue<Pending> _waiting = new();
    private DbConnection? _writer;
    private int _checkouts;

    public sealed record Command(string? OrderId, string? CustomerExternalId, string? CourseExternalId,
        IReadOnlyList<string?>? CouponCodes = null, string? ReferralCode = null, string? LiveSessionExternalId = null,
        string? Channel = null, GroupBuyRequest? GroupBuy = null, string? PaidAt = null);

    public abstract record Outcome
    {
        public sealed record Created(Order Order) : Outcome;
        public sealed record Existing(Order Order) : Outcome;
        public sealed record Refused(OrderRefusal Refusal) : Outcome;
        public sealed record Invalid(IDictionary<string, string[]> Errors) : Outcome;
    }

    private sealed record Pending(CheckoutOrder Order, DateTime Now)
    {
        public TaskCompletionSource<Outcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<Outcome> ExecuteAsync(Command command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = new OrderFields();
        var order = new CheckoutOrder(
            fields.Required("orderId", command.OrderId), fields.Required("customerExternalId", command.CustomerExternalId),
            fields.Required("courseExternalId", command.CourseExternalId), fields.CouponCodes(command.CouponCodes),
            fields.Optional("referralCode", command.ReferralCode), fields.Optional("liveSessionExternalId", command.LiveSessionExternalId),
            fields.Channel(command.Channel), fields.GroupBuy(command.GroupBuy), fields.PaidAt(command.PaidAt, now));
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);

        if (!db.IsSqlite)
        {
            await using var pooled = await db.OpenAsync(ct);
            return await OwnTransactionAsync(pooled, order, now, ct);
        }
        // Checkouts queue in-process for SQLite's single writer; the first one through writes every queued order.
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

    private async Task<Outcome> OwnTransactionAsync(DbConnection connection, CheckoutOrder order, DateTime now, CancellationToken ct)
    {
        // Two tries: a unique violation (a racing stub customer, or the racing order itself) is worth one retry, whose
        // existence check then answers a replay with the stored order.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                var outcome = await StoreOrder.ExecuteAsync(connection, tx, db, pricing, order, now, ct);
                if (outcome is Outcome.Created) await tx.CommitAsync(ct);
                return outcome;
            }
            catch (DbException e) when (OrderStore.IsUniqueViolation(e) && attempt < 2)
            {
            }
            catch (CodeTaken taken)
            {
                return new Outcome.Refused(taken.Refusal);
            }
        }
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
