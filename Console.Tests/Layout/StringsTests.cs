using Console.Tests.Support;

namespace Console.Tests.Layout;

/// <summary>Every key of the console-wide strings that the components ask for exists, including those built from a prefix.</summary>
public sealed class StringsTests
{
    [Fact]
    public void Every_literal_key_in_the_components_and_navigation_exists()
    {
        var en = ResourceFiles.Read("Strings.resx");
        var used = ResourceFiles.KeysUsed(ResourceFiles.AllComponents(),
            "App", "Nav", "Role", "Shell", "Common", "SignIn", "Denied", "NotFound", "Home", "Users", "Valid", "Keys", "Audit",
            "CampaignStatus", "Results", "Window");
        ResourceFiles.AssertAllExist(en, used, 50);
        // Keys built at run time from a prefix: every value they can take.
        foreach (var role in Console.Domain.Admin.Roles.All) Assert.Contains("Role." + role, en.Keys);
        foreach (var result in Enum.GetNames<Console.Domain.Admin.UserChangeResult>()) Assert.Contains("Users.Result." + result, en.Keys);
        Assert.Contains("Keys.Scope.ingest", en.Keys);
        Assert.Contains("Keys.Scope.manage", en.Keys);
        foreach (var status in Console.Domain.Coupons.CampaignStatus.All)
            Assert.All(new[] { "CampaignStatus.", "CampaignStatus.To." }, p => Assert.Contains(p + status, en.Keys));
        Assert.All(new[] { "CampaignStatus.Confirm.paused", "CampaignStatus.Confirm.ended" }, k => Assert.Contains(k, en.Keys));
        foreach (var figure in new[] { "Uses", "Customers", "NewCustomers", "DiscountGiven", "NetRevenue", "Refunds" })
            Assert.Contains("Results." + figure, en.Keys);
    }
}
