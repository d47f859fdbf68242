using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Web.Api;

/// <summary>Orders as paid on the platform, quotes before checkout, and refunds (API.md "Orders").</summary>
internal static class OrdersApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var orders = v1.MapGroup("/orders").RequireAuthorization(ApiKeyAuthentication.IngestPolicy).WithTags("Orders");
        orders.MapPost("/quote", QuoteAsync).Produces<QuoteAnswer>().ProducesValidationProblem().ProducesProblem(409);
        orders.MapPost("", CreateAsync).Produces<CreatedAnswer>(201).Produces<CreatedAnswer>().ProducesValidationProblem().ProducesProblem(409);
        orders.MapGet("/{orderId}", GetAsync).Produces<OrderAnswer>().ProducesProblem(404);
        orders.MapPost("/{orderId}/refund", RefundAsync).Produces<RefundAnswer>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    public sealed record DiscountAnswer(string Kind, string? Code, decimal Amount);

    public sealed record CreatedAnswer(string OrderId, decimal ListPrice, IReadOnlyList<DiscountAnswer> Discounts, decimal Payable,
        string Status, object? GroupBuyTeam);

    public sealed record OrderAnswer(string OrderId, string CustomerExternalId, string CourseExternalId, string? LiveSessionExternalId,
        string Channel, string? ReferralCode, decimal ListPrice, IReadOnlyList<DiscountAnswer> Discounts, decimal Payable,
        decimal Refunded, string Status, DateTimeOffset PaidAt);

    public sealed record QuoteAnswer(decimal ListPrice, IReadOnlyList<DiscountAnswer> Discounts, decimal Payable,
        IReadOnlyList<RejectedCoupon> RejectedCoupons);

    public sealed record RefundAnswer(string OrderId, decimal Refunded, string Status);

    private static async Task<IResult> QuoteAsync(HttpRequest request, QuoteOrder quote, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<QuoteOrder.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await quote.ExecuteAsync(body.Value!, ct) switch
        {
            QuoteOrder.Outcome.Quoted q => TypedResults.Ok(new QuoteAnswer(Money.ToDecimal(q.Price.ListPrice),
                Answer(q.Price.Discounts), Money.ToDecimal(q.Price.Payable), q.Price.RejectedCoupons)),
            QuoteOrder.Outcome.Refused r => Refusal(r.Refusal),
            QuoteOrder.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, CreateOrder create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<CreateOrder.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, ct) switch
        {
            CreateOrder.Outcome.Created c => TypedResults.Created($"/api/v1/orders/{Uri.EscapeDataString(c.Order.OrderId)}", Created(c.Order)),
            CreateOrder.Outcome.Existing e => TypedResults.Ok(Created(e.Order)),
            CreateOrder.Outcome.Refused r => Refusal(r.Refusal),
            CreateOrder.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> GetAsync(string orderId, GetOrder orders, CancellationToken ct) =>
        await orders.FindAsync(orderId, ct) is { } o
            ? TypedResults.Ok(new OrderAnswer(o.OrderId, o.CustomerExternalId, o.CourseExternalId, o.LiveSessionExternalId,
                o.Channel, o.ReferralCode, Money.ToDecimal(o.ListPrice), Answer(o.Discounts), Money.ToDecimal(o.Payable),
                Money.ToDecimal(o.Refunded), o.Status, new DateTimeOffset(o.PaidAt, TimeSpan.Zero)))
            : Problems.NotFound($"No order with orderId '{orderId}'.");

    private static async Task<IResult> RefundAsync(string orderId, HttpRequest request, RefundOrder refund, CancellationToken ct)
    {
        // "Refund the rest" may arrive with no body at all; only an explicitly empty one counts, never an unread one.
        var body = request.ContentLength == 0
            ? new ApiBody.Result<RefundOrder.Command>(new RefundOrder.Command(), null)
            : await ApiBody.ReadAsync<RefundOrder.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await refund.ExecuteAsync(orderId, body.Value!, ct) switch
        {
            RefundOrder.Outcome.Refunded r => TypedResults.Ok(new RefundAnswer(r.OrderId, Money.ToDecimal(r.TotalRefunded), r.Status)),
            RefundOrder.Outcome.NotFound => Problems.NotFound($"No order with orderId '{orderId}'."),
            RefundOrder.Outcome.Refused r => Refusal(r.Refusal),
            RefundOrder.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static CreatedAnswer Created(Order o) => new(o.OrderId, Money.ToDecimal(o.ListPrice), Answer(o.Discounts),
        Money.ToDecimal(o.Payable), o.Status, o.GroupBuyTeam is { } team ? GroupBuysApi.Answer(team) : null);

    private static List<DiscountAnswer> Answer(IReadOnlyList<Discount> discounts) =>
        discounts.Select(d => new DiscountAnswer(d.Kind, d.Code, Money.ToDecimal(d.Amount))).ToList();

    private static IResult Refusal(OrderRefusal refusal) => Problems.Refusal(refusal,
        refusal.Code == OrderRefusals.TeamExpired ? StatusCodes.Status410Gone : StatusCodes.Status409Conflict);
}
