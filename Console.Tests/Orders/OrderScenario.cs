using Console.Tests.GroupBuys;
using Console.Domain.Coupons;
using Console.Domain.Customers;
using Console.Domain.Data;
using Console.Domain.Orders;
using Console.Tests.Coupons;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Orders;

/// <summary>
/// Orders placed through the real use cases on 1 March 2025 (business time, from 08:00): the group-buy scenario's six
/// orders (two filled teams, one failed, one still open), then Ann's "k1" for the C# course with coupon SPRING20 of
/// "Spring sale" at 10:10, refunded ¥10.00 "Changed mind" at 10:20, and Bob's "late" at full price on 3 March.
/// </summary>
internal static class OrderScenario
{
    public const string Coupon = "SPRING20";

    public static async Task RunAsync(PromoStore store)
    {
        await GroupBuyScenario.RunAsync(store);
        using (var connection = store.Store.Db.Open())
            connection.Execute("""
                UPDATE customers SET name = 'Ann Lee', email = 'ann@x.io' WHERE external_id = 'a';
                UPDATE customers SET name = 'Bob Wu', email = 'bob@x.io' WHERE external_id = 'b';
                """);
        await new SealPersonalData(store.Store.Db, store.Get<PersonalData>()).RunAsync();
        Assert.IsType<CreateCouponCampaign.Outcome.Created>(await store.Get<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput(Name: "Spring sale", Kind: "percent_off", Value: 20m, Code: Coupon, Status: "active"), "m@x.io"));
        store.Clock.Now = PromoStore.Start.AddMinutes(130);
        await store.OrderAsync("k1", "a", PromoStore.Code, Coupon);
        store.Clock.Now = PromoStore.Start.AddMinutes(140);
        Assert.IsType<RefundOrder.Outcome.Refunded>(await store.Get<RefundOrder>().ExecuteAsync("k1", new RefundOrder.Command(10m, "Changed mind")));
        store.Clock.Now = PromoStore.Start.AddDays(2);
        await store.OrderAsync("late", "b", PromoStore.Code);
    }
}
