using Console.Domain.Data;

namespace Console.Domain.Orders;

/// <summary>Prices an order that may be placed next. Reads only: an unknown customer is not even stubbed.</summary>
public sealed class QuoteOrder(StatementRunner runner, Pricing pricing)
{
    public sealed record Command(string? CustomerExternalId, string? CourseExternalId, IReadOnlyList<string?>? CouponCodes = null,
        string? ReferralCode = null, GroupBuyRequest? GroupBuy = null);

    public abstract record Outcome
    {
        public sealed record Quoted(Price Price) : Outcome;
        public sealed record Refused(OrderRefusal Refusal) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(Command command, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var customerExternalId = fields.Required("customerExternalId", command.CustomerExternalId);
        var courseExternalId = fields.Required("courseExternalId", command.CourseExternalId);
        var couponCodes = fields.CouponCodes(command.CouponCodes);
        var referralCode = fields.Optional("referralCode", command.ReferralCode);
        var groupBuy = fields.GroupBuy(command.GroupBuy);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);

        await using var run = await runner.ReadAsync(ct);
        var course = await OrderStore.CourseAsync(run.Connection, null, courseExternalId, ct);
        if (course is null)
            return new Outcome.Refused(new OrderRefusal(OrderRefusals.UnknownCourse, courseExternalId));
        var customerId = await OrderStore.CustomerIdAsync(run.Connection, null, customerExternalId, ct);
        var price = await pricing.PriceAsync(run,
            new PriceRequest(course, customerExternalId, customerId, couponCodes, referralCode, groupBuy), ct);
        return price.Refusal is { } refusal ? new Outcome.Refused(refusal) : new Outcome.Quoted(price);
    }
}
