using Console.Domain.Data;
using Console.Domain.Coupons;
using Console.Domain.GroupBuys;
using Console.Domain.Orders;

namespace Console.Web.Api;

/// <summary>Orders as paid on the platform, quotes before checkout, and refunds (API.md "Orders").</summary>
internal static class OrdersApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var orders = v1.MapGroup("/orders").RequireAuthorization(ApiKeyAuthentication.IngestPolicy).WithTags("Orders");
        orders.MapPost("/quote", QuoteAsync).Accepts<QuoteOrder.Command>("application/json").Produces<QuoteAnswer>()
            .Documented("QuoteOrder", "Price an order before checkout: list price, discounts, payable and refused coupons; stores nothing.",
                new QuoteOrder.Command("c-1001", "k-101", ["DOUBLE12"]), [OrderRefusals.UnknownCourse, .. GroupBuyRefusals.All]);
        orders.MapPost("", CreateAsync).Accepts<CreateOrder.Command>("application/json")
            .Produces<CreatedAnswer>(StatusCodes.Status201Created).Produces<CreatedAnswer>()
            .Documented("CreateOrder", "Record a paid order: redeems its coupons and opens or joins its group-buy team, all or nothing; the same orderId again answers 200 with the stored order.",
                new CreateOrder.Command("o-50001", "c-1001", "k-101", ["DOUBLE12"], LiveSessionExternalId: "ls-2001", Channel: "live_room",
                    PaidAt: "2026-11-28T20:31:00+08:00"),
                [.. OrderRefusals.All.Except([OrderRefusals.RefundExceedsPaid]), .. CouponRefusals.All, .. GroupBuyRefusals.All,
                    Console.Domain.Partners.PartnerRefusals.UnknownClick]);
        orders.MapGet("/{orderId}", GetAsync).Produces<OrderAnswer>()
            .Documented("GetOrder", "An order as stored, with its discounts, refunds and status.");
        orders.MapPost("/{orderId}/refund", RefundAsync).Accepts<RefundOrder.Command>(true, "application/json").Produces<RefundAnswer>()
            .Documented("RefundOrder", "Refund part or all of an order; with no amount (or no body) the rest is refunded.",
                new RefundOrder.Command(50.00m, "Customer changed their mind"), OrderRefusals.RefundExceedsPaid);
    }

    public sealed record DiscountAnswer(string Kind, string? Code, decimal Amount);

    public sealed record CreatedAnswer(string OrderId, decimal ListPrice, IReadOnlyList<DiscountAnswer> Discounts, decimal Payable,
        string Status, GroupBuysApi.TeamAnswer? GroupBuyTeam, AttributionAnswer? Attribution);

    /// <summary>Which KOL the order was attributed to when it was stored, and how; null when none.</summary>
    public sealed record AttributionAnswer(long KolId, string Via, string? ClickId, long ContractId, bool SelfReferral);

    public sealed record OrderAnswer(string OrderId, string CustomerExternalId, string CourseExternalId, string? LiveSessionExternalId,
        string Channel, string? ReferralCode, decimal ListPrice, IReadOnlyList<DiscountAnswer> Discounts, decimal Payable,
        decimal Refunded, string Status, DateTimeOffset PaidAt, AttributionAnswer? Attribution);

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
                Money.ToDecimal(o.Refunded), o.Status, new DateTimeOffset(o.PaidAt, TimeSpan.Zero), Answer(o.Attribution)))
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
        Money.ToDecimal(o.Payable), o.Status, o.GroupBuyTeam is { } team ? GroupBuysApi.Answer(team) : null, Answer(o.Attribution));

    private static AttributionAnswer? Answer(Console.Domain.Partners.Attribution? a) =>
        a is null ? null : new AttributionAnswer(a.KolId, a.Via, a.ClickId, a.ContractId, a.SelfReferral);

    private static List<DiscountAnswer> Answer(IReadOnlyList<Discount> discounts) =>
        discounts.Select(d => new DiscountAnswer(d.Kind, d.Code, Money.ToDecimal(d.Amount))).ToList();

    private static IResult Refusal(OrderRefusal refusal) => Problems.Refusal(refusal,
        refusal.Code == OrderRefusals.TeamExpired ? StatusCodes.Status410Gone : StatusCodes.Status409Conflict);
}
