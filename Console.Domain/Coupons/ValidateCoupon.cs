using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Coupons;

/// <summary>
/// Would this code work for this customer and course right now? Priced by the same engine as orders; reads only.
/// Payable is what the course would cost with the code (the list price when it is not valid).
/// </summary>
public sealed class ValidateCoupon(StatementRunner runner, Pricing pricing)
{
    public sealed record Command(string? Code, string? CustomerExternalId, string? CourseExternalId);

    public abstract record Outcome
    {
        public sealed record Checked(bool Valid, long Discount, long Payable, string? Reason) : Outcome;
        public sealed record Refused(OrderRefusal Refusal) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(Command command, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var code = fields.Required("code", command.Code);
        var customerExternalId = fields.Required("customerExternalId", command.CustomerExternalId);
        var courseExternalId = fields.Required("courseExternalId", command.CourseExternalId);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);

        await using var run = await runner.ReadAsync(ct);
        var course = await OrderStore.CourseAsync(run.Connection, null, courseExternalId, ct);
        if (course is null)
            return new Outcome.Refused(new OrderRefusal(OrderRefusals.UnknownCourse, courseExternalId));
        var customerId = await OrderStore.CustomerIdAsync(run.Connection, null, customerExternalId, ct);
        var price = await pricing.PriceAsync(run, new PriceRequest(course, customerExternalId, customerId, [code], null, null), ct);
        if (price.RejectedCoupons.Count > 0) return new Outcome.Checked(false, 0, price.ListPrice, price.RejectedCoupons[0].Reason);
        return new Outcome.Checked(true, price.DiscountTotal, price.Payable, null);
    }
}
