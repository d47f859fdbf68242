using Console.Domain.Customers;
using Console.Tests.Support;

namespace Console.Tests.Customers;

/// <summary>Every key the customer pages and their menu entry ask for exists, including those built from a prefix.</summary>
public sealed class CustomersStringsTests
{
    [Fact]
    public void Every_key_the_pages_and_navigation_use_exists()
    {
        var en = ResourceFiles.Read("CustomersStrings.resx");
        ResourceFiles.AssertAllExist(en, ResourceFiles.KeysUsed(ResourceFiles.Components("Pages/Customers"), "Customers", "Customer", "Event"), 30);
        foreach (var sort in Enum.GetNames<CustomerSort>()) Assert.Contains("Customers.Sort." + sort, en.Keys);
        foreach (var type in new[] { "page_view", "watch", "chat", "question", "poll_vote", "like", "share", "lottery_join", "coupon_claim", "add_to_cart" })
            Assert.Contains("Event." + type, en.Keys);
    }
}
