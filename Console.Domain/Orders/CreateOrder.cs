using System.Data.Common;
using Console.Domain.Coupons;
using Console.Domain.Data;

namespace Console.Domain.Orders;

/// <summary>
/// Records an order the platform has been paid for. Idempotent by orderId: a replay, even one racing the first
/// request, answers with the stored order and stores nothing. Everything of one order is written atomically
/// (StoreOrder): on SQL Server in its own transaction, on SQLite as part of a commit shared by queued checkouts
/// (CheckoutWriter).
/// </summary>
public sealed class CreateOrder(Db db, Pricing pricing, WriteGate gate, TimeProvider clock) : IDisposable
{
    private readonly CheckoutWriter _sqliteWriter = new(db, pricing, gate);

    public sealed record Command(string? OrderId, string? CustomerExternalId, string? CourseExternalId,
        IReadOnlyList<string?>? CouponCodes = null, string? ReferralCode = null, string? LiveSessionExternalId = null,
        string? Channel = null, GroupBuyRequest? GroupBuy = null, string? PaidAt = null);

    public abstract record Outcome
    {
        public sealed record Created(Order Order) : Outcome;
        public sealed record Existing(Order Order) : Outcome;
        public sealed record Refused(OrderRefusal Refusal) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
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
        return await _sqliteWriter.WriteAsync(order, now);
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

    public void Dispose() => _sqliteWriter.Dispose();
}
