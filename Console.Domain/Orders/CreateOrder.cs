using System.Data.Common;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.GroupBuys;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Console.Domain.Orders;

/// <summary>
/// Records an order the platform has been paid for. Idempotent by orderId: a replay, even one racing the first
/// request, answers with the stored order and stores nothing. Everything of one order is written in one transaction.
/// </summary>
public sealed class CreateOrder(Db db, Pricing pricing, WriteGate gate, TimeProvider clock) : IDisposable
{
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

    private sealed record Valid(string OrderId, string CustomerExternalId, string CourseExternalId, IReadOnlyList<string> CouponCodes,
        string? ReferralCode, string? LiveSessionExternalId, string Channel, GroupBuyRequest? GroupBuy, DateTime PaidAt);

    public async Task<Outcome> ExecuteAsync(Command command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = new OrderFields();
        var order = new Valid(
            fields.Required("orderId", command.OrderId), fields.Required("customerExternalId", command.CustomerExternalId),
            fields.Required("courseExternalId", command.CourseExternalId), fields.CouponCodes(command.CouponCodes),
            fields.Optional("referralCode", command.ReferralCode), fields.Optional("liveSessionExternalId", command.LiveSessionExternalId),
            fields.Channel(command.Channel), fields.GroupBuy(command.GroupBuy), fields.PaidAt(command.PaidAt, now));
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);

        if (!db.IsSqlite)
        {
            await using var pooled = await db.OpenAsync(ct);
            return await TryTwiceAsync(pooled, order, now, ct);
        }
        // Checkouts queue in-process for SQLite's single writer instead of sleeping in its busy-retry loop.
        Interlocked.Increment(ref _checkouts);
        WriteGate.Lease lease;
        try { lease = await gate.EnterAsync(ct); }
        catch { Interlocked.Decrement(ref _checkouts); throw; }
        using (lease)
        {
            try
            {
                // One writer at a time, so queued checkouts share one connection: nothing to open, a page cache that stays warm.
                _writer ??= await OpenWriterAsync(ct);
                return await TryTwiceAsync(_writer, order, now, ct);
            }
            catch
            {
                CloseWriter();
                throw;
            }
            finally
            {
                // With nobody queued it goes back to the pool, so no checkout holds the file open between bursts.
                if (Interlocked.Decrement(ref _checkouts) == 0) CloseWriter();
            }
        }
    }

    private async Task<Outcome> TryTwiceAsync(DbConnection connection, Valid order, DateTime now, CancellationToken ct)
    {
        // Two tries: a unique violation (a racing stub customer, or on SQL Server the racing order itself) is worth one
        // retry, whose existence check under the write lock then answers a replay with the stored order.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(connection, order, now, ct);
            }
            catch (DbException e) when (OrderStore.IsUniqueViolation(e) && attempt < 2)
            {
            }
        }
    }

    private async Task<DbConnection> OpenWriterAsync(CancellationToken ct)
    {
        var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // Checkpoint every 64 MB of log rather than 4 MB: hot index pages are copied back (and synced) far less often.
        command.CommandText = "PRAGMA wal_autocheckpoint = 16384;";
        await command.ExecuteNonQueryAsync(ct);
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

    private async Task<Outcome> InsertAsync(DbConnection connection, Valid order, DateTime now, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Under the write lock: a replay that lost the race must answer with the stored order, not a coupon refusal.
        var known = await OrderStore.CheckoutAsync(connection, tx, order.OrderId, order.CustomerExternalId, order.CourseExternalId, ct);
        if (known.ExistingId is not null)
            return new Outcome.Existing((await OrderStore.FindOrderAsync(connection, tx, order.OrderId, ct))!);
        if (known.Course is not { } course)
            return Refused(OrderRefusals.UnknownCourse, $"No course with externalId '{order.CourseExternalId}'.");
        long? liveSessionId = null;
        if (order.LiveSessionExternalId is not null)
        {
            liveSessionId = await OrderStore.LiveSessionIdAsync(connection, tx, order.LiveSessionExternalId, ct);
            if (liveSessionId is null)
                return Refused(OrderRefusals.UnknownLiveSession, $"No live session with externalId '{order.LiveSessionExternalId}'.");
        }
        var customerId = known.CustomerId;
        var price = await pricing.PriceAsync(connection, tx,
            new PriceRequest(course, order.CustomerExternalId, customerId, order.CouponCodes, order.ReferralCode, order.GroupBuy), ct);
        if (price.RefusalForOrder is { } refusal) return new Outcome.Refused(refusal);

        customerId ??= await OrderStore.AddStubCustomerAsync(connection, tx, db, order.CustomerExternalId, now, ct);
        if (await RedeemCoupons.ClaimAsync(connection, tx, price.Coupons, customerId.Value, ct) is { } lost) return new Outcome.Refused(lost);
        var row = new
        {
            order.OrderId, customerId, courseId = course.Id, liveSessionId, order.Channel, order.ReferralCode,
            listPrice = price.ListPrice, discount = price.DiscountTotal, payable = price.Payable,
            status = price.GroupBuy is null ? OrderStatus.Paid : OrderStatus.AwaitingGroup, order.PaidAt, now,
        };
        long id;
        if (WriterStatements.For(connection) is { } kept)
        {
            await kept.ExecuteAsync(SqliteInsertSql, tx, ct, ("OrderId", row.OrderId), ("customerId", row.customerId),
                ("courseId", row.courseId), ("liveSessionId", row.liveSessionId), ("Channel", row.Channel), ("ReferralCode", row.ReferralCode),
                ("listPrice", row.listPrice), ("discount", row.discount), ("payable", row.payable), ("status", row.status),
                ("PaidAt", row.PaidAt), ("now", row.now));
            // The new row's id from the connection itself, which saves preparing and running a second statement.
            id = SQLitePCL.raw.sqlite3_last_insert_rowid(((SqliteConnection)connection).Handle);
        }
        else if (connection is SqliteConnection sqlite)
        {
            await connection.ExecuteAsync(new CommandDefinition(SqliteInsertSql, row, tx, cancellationToken: ct));
            id = SQLitePCL.raw.sqlite3_last_insert_rowid(sqlite.Handle);
        }
        else
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO orders (order_id, customer_id, course_id, live_session_id, channel, referral_code,
                                    list_price, discount, payable, refunded, status, paid_at, created_at, rolled_up)
                OUTPUT INSERTED.id
                VALUES (@OrderId, @customerId, @courseId, @liveSessionId, @Channel, @ReferralCode,
                        @listPrice, @discount, @payable, 0, @status, @PaidAt, @now, 0)
                """, row, tx, cancellationToken: ct));
        foreach (var discount in price.Discounts)
        {
            if (WriterStatements.For(connection) is { } statements)
                await statements.ExecuteAsync(DiscountSql, tx, ct, ("id", id), ("Kind", discount.Kind), ("Code", discount.Code),
                    ("CampaignId", discount.CampaignId), ("Amount", discount.Amount));
            else
                await connection.ExecuteAsync(new CommandDefinition(DiscountSql,
                    new { id, discount.Kind, discount.Code, discount.CampaignId, discount.Amount }, tx, cancellationToken: ct));
        }
        await RedeemCoupons.RecordAsync(connection, tx, id, customerId.Value, price.Coupons, now, ct);
        if (price.GroupBuy is { } plan && await JoinTeam.ExecuteAsync(connection, tx, db, plan, id, customerId.Value, now, ct) is { } full)
            return new Outcome.Refused(full);
        await tx.CommitAsync(ct);
        // The answer is what was just written; only a group buy reads back, since its team may have changed the status.
        if (price.GroupBuy is null)
            return new Outcome.Created(new Order(order.OrderId, order.CustomerExternalId, course.ExternalId, order.LiveSessionExternalId,
                order.Channel, order.ReferralCode, price.ListPrice, price.Discounts, price.Payable, 0, OrderStatus.Paid, order.PaidAt));
        var created = await OrderStore.FindOrderAsync(connection, null, order.OrderId, ct)
            ?? throw new InvalidOperationException($"Order {order.OrderId} vanished right after it was stored.");
        return new Outcome.Created(created);
    }

    private const string SqliteInsertSql =
        """
        INSERT INTO orders (order_id, customer_id, course_id, live_session_id, channel, referral_code,
                            list_price, discount, payable, refunded, status, paid_at, created_at, rolled_up)
        VALUES (@OrderId, @customerId, @courseId, @liveSessionId, @Channel, @ReferralCode,
                @listPrice, @discount, @payable, 0, @status, @PaidAt, @now, 0)
        """;

    private const string DiscountSql =
        """
        INSERT INTO order_discounts (order_id, kind, code, campaign_id, amount)
        VALUES (@id, @Kind, @Code, @CampaignId, @Amount)
        """;

    private static Outcome.Refused Refused(string code, string detail) => new(new OrderRefusal(code, detail));
}
