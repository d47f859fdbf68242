using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.GroupBuys;
using Console.Domain.Partners;
using Outcome = Console.Domain.Orders.CreateOrder.Outcome;

namespace Console.Domain.Orders;

/// <summary>An order whose fields passed validation, on its way into the store.</summary>
internal sealed record CheckoutOrder(string OrderId, string CustomerExternalId, string CourseExternalId, IReadOnlyList<string> CouponCodes,
    string? ReferralCode, string? LiveSessionExternalId, string Channel, GroupBuyRequest? GroupBuy, DateTime PaidAt, string? ClickId = null);

/// <summary>
/// Writes one order inside the caller's transaction: look-ups, price, coupon uses, stub customer, the order and its
/// discounts, the group-buy team. It never commits. An order without a group buy and with at most one coupon writes
/// nothing before its last possible refusal (see SimpleOrder); any other may have to be rolled back by the caller.
/// </summary>
internal static class StoreOrder
{
    public static async Task<Outcome> ExecuteAsync(Statements run, Pricing pricing, OrderAttribution attribution, CheckoutOrder order, DateTime now,
        CancellationToken ct)
    {
        var (connection, tx) = (run.Connection, run.Transaction);
        // Under the write lock: a replay that lost the race must answer with the stored order, not a coupon refusal.
        var known = await OrderStore.CheckoutAsync(run, order.OrderId, order.CustomerExternalId, order.CourseExternalId, ct);
        if (known.ExistingId is not null)
            return new Outcome.Existing((await OrderStore.FindOrderAsync(connection, tx, order.OrderId, ct))!);
        if (known.Course is not { } course)
            return Refused(OrderRefusals.UnknownCourse, order.CourseExternalId);
        long? liveSessionId = null;
        if (order.LiveSessionExternalId is not null)
        {
            liveSessionId = await OrderStore.LiveSessionIdAsync(connection, tx, order.LiveSessionExternalId, ct);
            if (liveSessionId is null)
                return Refused(OrderRefusals.UnknownLiveSession, order.LiveSessionExternalId);
        }
        ClickRow? click = null;
        if (order.ClickId is not null && (click = await OrderAttribution.FindClickAsync(run, order.ClickId, ct)) is null)
            return Refused(PartnerRefusals.UnknownClick, order.ClickId);
        var customerId = known.CustomerId;
        var price = await pricing.PriceAsync(run,
            new PriceRequest(course, order.CustomerExternalId, customerId, order.CouponCodes, order.ReferralCode, order.GroupBuy), ct);
        if (price.RefusalForOrder is { } refusal) return new Outcome.Refused(refusal);

        // Coupons are claimed before anything else is written, so an order refused here has written nothing.
        if (await RedeemCoupons.ClaimAsync(run, price.Coupons, customerId, ct) is { } lost) return new Outcome.Refused(lost);
        customerId ??= await OrderStore.AddStubCustomerAsync(run, order.CustomerExternalId, now, ct);
        var status = price.GroupBuy is null ? OrderStatus.Paid : OrderStatus.AwaitingGroup;
        var id = await InsertRowAsync(run, order, customerId.Value, course.Id, liveSessionId, price, status, now, ct);
        foreach (var discount in price.Discounts)
            await run.ExecuteAsync(DiscountSql, ct, ("id", id), ("Kind", discount.Kind), ("Code", discount.Code),
                ("CampaignId", discount.CampaignId), ("Amount", discount.Amount));
        await RedeemCoupons.RecordAsync(run, id, customerId.Value, price.Coupons, now, ct);
        if (price.GroupBuy is { } plan && await JoinTeam.ExecuteAsync(run, plan, id, customerId.Value, now, ct) is { } full)
            return new Outcome.Refused(full);
        var decided = await attribution.DecideAsync(run, new AttributionRequest(id, customerId.Value, known.CustomerId is not null, course.Id,
            liveSessionId, KolCodes(order), click, order.PaidAt, price.Payable), ct);
        // The answer is what was just written; only a group buy reads back, since its team may have changed the status.
        if (price.GroupBuy is null)
            return new Outcome.Created(new Order(order.OrderId, order.CustomerExternalId, course.ExternalId, order.LiveSessionExternalId,
                order.Channel, order.ReferralCode, price.ListPrice, price.Discounts, price.Payable, 0, status, order.PaidAt, null, decided));
        var created = await OrderStore.FindOrderAsync(connection, tx, order.OrderId, ct)
            ?? throw new InvalidOperationException($"Order {order.OrderId} vanished right after it was stored.");
        return new Outcome.Created(created);
    }

    /// <summary>
    /// Refused, replayed or not, this order leaves nothing to undo: its only conditional write is one campaign claim,
    /// made first (a unique code's own guard can still refuse after it, which CodeTaken reports instead).
    /// </summary>
    public static bool SimpleOrder(CheckoutOrder order) => order.GroupBuy is null && order.CouponCodes.Count <= 1;

    /// <summary>The codes that may attribute the order to a KOL, the referral code first.</summary>
    private static List<string> KolCodes(CheckoutOrder order)
    {
        var codes = new List<string>(1 + order.CouponCodes.Count);
        if (order.ReferralCode is { } referral) codes.Add(CouponCampaignRules.Normalise(referral));
        foreach (var code in order.CouponCodes) codes.Add(CouponCampaignRules.Normalise(code));
        return codes;
    }

    private static Task<long> InsertRowAsync(Statements run, CheckoutOrder order, long customerId, long courseId, long? liveSessionId,
        Price price, string status, DateTime now, CancellationToken ct) =>
        run.InsertAsync(InsertSql.For(run.Dialect), ct, ("OrderId", order.OrderId), ("customerId", customerId), ("courseId", courseId),
            ("liveSessionId", liveSessionId), ("Channel", order.Channel), ("ReferralCode", order.ReferralCode),
            ("listPrice", price.ListPrice), ("discount", price.DiscountTotal), ("payable", price.Payable), ("status", status),
            ("PaidAt", order.PaidAt), ("now", now));

    private static readonly DialectSql InsertSql = new(d =>
        $"""
        INSERT INTO orders (order_id, customer_id, course_id, live_session_id, channel, referral_code,
                            list_price, discount, payable, refunded, status, paid_at, created_at, rolled_up)
        {DialectSql.OutputId(d)}
        VALUES (@OrderId, @customerId, @courseId, @liveSessionId, @Channel, @ReferralCode,
                @listPrice, @discount, @payable, 0, @status, @PaidAt, @now, 0)
        """);

    private const string DiscountSql =
        """
        INSERT INTO order_discounts (order_id, kind, code, campaign_id, amount)
        VALUES (@id, @Kind, @Code, @CampaignId, @Amount)
        """;

    private static Outcome.Refused Refused(string code, params object[] args) => new(new OrderRefusal(code, args));
}
