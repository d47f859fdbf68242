using Console.Domain.Coupons;
using Console.Tests.Support;

namespace Console.Tests.Coupons;

/// <summary>The marketer's start page: which coupon campaigns run now, how often they were used today and what budget is left.</summary>
public sealed class RunningCampaignsTests
{
    [Fact]
    public async Task Active_campaigns_show_uses_of_the_business_day_and_the_budget_left_while_paused_and_ended_ones_stay_out()
    {
        using var store = new PromoStore();
        store.Customers("a", "b", "c");
        var create = store.Get<CreateCouponCampaign>();
        // Business day 2025-03-01 starts at 2025-02-28 16:00 UTC (Asia/Shanghai).
        store.Clock.Now = new DateTimeOffset(2025, 2, 28, 15, 0, 0, TimeSpan.Zero);
        var sale = Created(await create.ExecuteAsync(new CouponCampaignInput(Name: "Spring sale", Kind: "amount_off", Value: 20m,
            Budget: 100m, Code: "SPRING", Status: "active", EndsAt: "2025-03-05T16:00:00Z"), "m@x.io"));
        Created(await create.ExecuteAsync(new CouponCampaignInput(Name: "Paused", Kind: "amount_off", Value: 5m, Code: "PAUSED",
            Status: "paused"), "m@x.io"));
        Created(await create.ExecuteAsync(new CouponCampaignInput(Name: "Over", Kind: "amount_off", Value: 5m, Code: "OVER",
            Status: "active", EndsAt: "2025-02-28T16:30:00Z"), "m@x.io"));
        await store.OrderAsync("o-yesterday", "a", PromoStore.Art, "SPRING");
        store.Clock.Now = new DateTimeOffset(2025, 2, 28, 17, 0, 0, TimeSpan.Zero);
        await store.OrderAsync("o-today-1", "b", PromoStore.Art, "SPRING");
        await store.OrderAsync("o-today-2", "c", PromoStore.Art, "SPRING");

        var running = await store.Get<RunningCampaigns>().ListAsync();

        var only = Assert.Single(running);
        Assert.Equal(sale, only.Id);
        Assert.Equal("Spring sale", only.Name);
        Assert.Equal(2, only.UsesToday);
        Assert.Equal(3, only.Uses);
        Assert.Equal(10_000 - 3 * 2_000, only.BudgetLeft);
        Assert.Equal(new DateTime(2025, 3, 5, 16, 0, 0, DateTimeKind.Utc), only.EndsAt);
    }

    private static long Created(CreateCouponCampaign.Outcome outcome) => Assert.IsType<CreateCouponCampaign.Outcome.Created>(outcome).Id;
}
