using Console.Domain.Coupons;
using Console.Domain.Data;

namespace Console.Web.Api;

/// <summary>Checking a coupon before checkout (API.md "Coupons"); no side effects.</summary>
internal static class CouponsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var coupons = v1.MapGroup("/coupons").RequireAuthorization(ApiKeyAuthentication.IngestPolicy).WithTags("Coupons");
        coupons.MapPost("/validate", ValidateAsync).Accepts<ValidateCoupon.Command>("application/json").Produces<ValidationAnswer>()
            .Documented("ValidateCoupon", "Check whether a coupon can be used by this customer on this course, and what it takes off; stores nothing.",
                new ValidateCoupon.Command("DOUBLE12", "c-1001", "k-101"), Domain.Orders.OrderRefusals.UnknownCourse);
    }

    /// <summary>Reason is one of the coupon refusal codes when Valid is false.</summary>
    public sealed record ValidationAnswer(bool Valid, decimal Discount, decimal Payable, string? Reason);

    private static async Task<IResult> ValidateAsync(HttpRequest request, ValidateCoupon validate, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ValidateCoupon.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await validate.ExecuteAsync(body.Value!, ct) switch
        {
            ValidateCoupon.Outcome.Checked c => TypedResults.Ok(new ValidationAnswer(c.Valid, Money.ToDecimal(c.Discount), Money.ToDecimal(c.Payable), c.Reason)),
            ValidateCoupon.Outcome.Refused r => Problems.Refusal(r.Refusal),
            ValidateCoupon.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }
}
