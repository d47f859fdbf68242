using Console.Domain.GroupBuys;
using Console.Tests.Support;
using Console.Web.Components.Pages.Orders;

namespace Console.Tests.Orders;

/// <summary>Every key the orders pages and their menu entry ask for exists, and every status and team state has a name.</summary>
public sealed class OrdersStringsTests
{
    [Fact]
    public void Every_key_the_pages_and_navigation_use_exists_and_every_status_and_team_state_has_a_name()
    {
        var en = ResourceFiles.Read("OrdersStrings.resx");
        ResourceFiles.AssertAllExist(en, ResourceFiles.KeysUsed(ResourceFiles.Components("Pages/Orders"), "Orders", "Order"), 40);
        // Keys built at run time from a prefix: every value they can take.
        foreach (var status in OrderNames.Statuses) Assert.Contains("Status." + status, en.Keys);
        foreach (var state in TeamState.All) Assert.Contains("Team." + state, en.Keys);
        foreach (var kind in new[] { "coupon", "group_buy" }) Assert.Contains("Order.Discount." + kind, en.Keys);
    }
}
