using Console.Domain.Coupons;
using Console.Domain.Data;

namespace Console.Domain.Orders;

/// <summary>
/// Records an order the platform has been paid for. Idempotent by orderId: a replay, even one racing the first
/// request, answers with the stored order and stores nothing. Everything of one order is one unit of writes
/// (StoreOrder), stored whole or not at all by the statement runner.
/// </summary>
public sealed class CreateOrder(StatementRunner runner, Pricing pricing, Partners.OrderAttribution attribution, TimeProvider clock)
{
    public sealed record Command(string? OrderId, string? CustomerExternalId, string? CourseExternalId,
        IReadOnlyList<string?>? CouponCodes = null, string? ReferralCode = null, string? LiveSessionExternalId = null,
        string? Channel = null, GroupBuyRequest? GroupBuy = null, string? PaidAt = null, string? ClickId = null);

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
            fields.Channel(command.Channel), fields.GroupBuy(command.GroupBuy), fields.PaidAt(command.PaidAt, now),
            fields.Optional("clickId", command.ClickId));
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);

        // Only an order that is created is kept; a refusal or a replay rolls back whatever it wrote.
        return await runner.WriteAsync(new WriteUnit<Outcome>(
            (statements, token) => StoreOrder.ExecuteAsync(statements, pricing, attribution, order, now, token),
            outcome => outcome is Outcome.Created,
            error => error is CodeTaken taken ? new Outcome.Refused(taken.Refusal) : null,
            UndoFree: StoreOrder.SimpleOrder(order)), ct);
    }
}
