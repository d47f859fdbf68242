using Console.Domain.Coupons;
using Console.Domain.Data;

namespace Console.Domain.Orders;

/// <summary>
/// Refunds part or the rest of an order. The conditional update is the guard: however many refunds race,
/// refunded can never pass payable, and the refunds row is written in the same transaction. The refund that completes
/// the order reverses its coupon redemptions (giving uses back where the campaign says so).
/// </summary>
public sealed class RefundOrder(StatementRunner runner, TimeProvider clock, MoneyBounds money)
{
    public const int MaxReasonLength = 500;

    /// <summary>Amount in the shop currency; null refunds whatever has not been refunded yet.</summary>
    public sealed record Command(decimal? Amount = null, string? Reason = null);

    public abstract record Outcome
    {
        public sealed record Refunded(string OrderId, long TotalRefunded, string Status) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Refused(OrderRefusal Refusal) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    private sealed record OrderMoney(long Id, long Payable, long Refunded, string Status);

    public async Task<Outcome> ExecuteAsync(string orderId, Command command, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var amount = fields.Amount("amount", command.Amount, money);
        var reason = fields.Optional("reason", command.Reason, MaxReasonLength);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
        if (string.IsNullOrWhiteSpace(orderId) || orderId.Length > OrderFields.MaxIdLength) return new Outcome.NotFound();

        var now = clock.GetUtcNow().UtcDateTime;
        // Only a refund is kept; every other outcome is decided before anything is written.
        return await runner.WriteAsync(new WriteUnit<Outcome>(
            (statements, token) => RefundAsync(statements, orderId, amount, reason, now, token),
            outcome => outcome is Outcome.Refunded, _ => null, UndoFree: true), ct);
    }

    private const string ReadMoney = """
        SELECT id, payable, refunded, status FROM orders WHERE order_id = @orderId
        """;

    private const string AddRefunded = """
        UPDATE orders
        SET refunded = refunded + @fen,
            status = CASE WHEN refunded + @fen = payable THEN 'refunded' ELSE 'partially_refunded' END
        WHERE id = @id AND refunded + @fen <= payable
        """;

    private const string InsertRefund = """
        INSERT INTO refunds (order_id, amount, reason, first_for_order, refunded_at, rolled_up)
        VALUES (@id, @fen, @reason, @first, @now, 0)
        """;

    private static async Task<Outcome> RefundAsync(Statements statements, string orderId, long? amount, string? reason, DateTime now,
        CancellationToken ct)
    {
        var before = await statements.SingleOrDefaultAsync<OrderMoney>(ReadMoney, ct, ("orderId", orderId));
        if (before is null) return new Outcome.NotFound();
        var fen = amount ?? before.Payable - before.Refunded;
        if (fen <= 0) return ExceedsPaid(before, 0);

        var changed = await statements.ExecuteAsync(AddRefunded, ct, ("fen", fen), ("id", before.Id));
        if (changed == 0) return ExceedsPaid(before, fen);

        // Read back under the write lock: refunded == this amount means no earlier refund exists.
        var after = (await statements.SingleOrDefaultAsync<OrderMoney>(ReadMoney, ct, ("orderId", orderId)))!;
        await statements.ExecuteAsync(InsertRefund, ct,
            ("id", before.Id), ("fen", fen), ("reason", reason), ("first", after.Refunded == fen), ("now", now));
        if (after.Status == OrderStatus.Refunded)
            await ReverseRedemptions.ExecuteAsync(statements.Connection, statements.Transaction!, before.Id, now, ct);
        await Partners.CommissionRefunds.ApplyAsync(statements.Connection, statements.Transaction!, before.Id, now, ct);
        return new Outcome.Refunded(orderId, after.Refunded, after.Status);
    }

    private static Outcome.Refused ExceedsPaid(OrderMoney order, long fen) => new(new OrderRefusal(OrderRefusals.RefundExceedsPaid,
        Money.ToDecimal(fen), Money.ToDecimal(order.Payable - order.Refunded)));
}
