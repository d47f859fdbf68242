using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Console.Tests.Support;

namespace Console.Tests.GroupBuys;

/// <summary>Four teams of two at 89.00 (leader) / 99.00: two fill (in 30 and 10 minutes), one fails, one is still open.</summary>
internal static class GroupBuyScenario
{
    public static async Task<(long Campaign, DateTimeOffset Start)> RunAsync(PromoStore store)
    {
        store.Customers("a", "b", "c,x", "d", "e", "f");
        var t0 = PromoStore.Start;
        store.Clock.Now = t0;
        var created = Assert.IsType<CreateGroupBuyCampaign.Outcome.Created>(await store.Get<CreateGroupBuyCampaign>().ExecuteAsync(
            new CreateGroupBuyCampaign.Input("Pairs", PromoStore.Art, 2, 99m, 89m, 60, Status: "active"), "m@x.io"));
        var id = created.Id;
        var team1 = (await store.OrderAsync("g1", "a", PromoStore.Art, groupBuy: new GroupBuyRequest(id, null))).GroupBuyTeam!.TeamId;
        store.Clock.Now = t0.AddMinutes(5);
        var team4 = (await store.OrderAsync("g5", "e", PromoStore.Art, groupBuy: new GroupBuyRequest(id, null))).GroupBuyTeam!.TeamId;
        store.Clock.Now = t0.AddMinutes(10);
        await store.OrderAsync("g3", "c,x", PromoStore.Art, groupBuy: new GroupBuyRequest(id, null));
        store.Clock.Now = t0.AddMinutes(15);
        await store.OrderAsync("g6", "f", PromoStore.Art, groupBuy: new GroupBuyRequest(id, team4));
        store.Clock.Now = t0.AddMinutes(30);
        await store.OrderAsync("g2", "b", PromoStore.Art, groupBuy: new GroupBuyRequest(id, team1));
        store.Clock.Now = t0.AddMinutes(100);
        await store.OrderAsync("g4", "d", PromoStore.Art, groupBuy: new GroupBuyRequest(id, null));
        store.Clock.Now = t0.AddMinutes(120);
        Assert.Equal(new ExpireTeams.Result(1, 1), await store.Get<ExpireTeams>().ExecuteAsync());
        return (id, t0);
    }
}
