using Bunit;
using Console.Domain.Data;
using Console.Web.Components.Pages.Customers;
using MudBlazor;

namespace Console.Tests.Customers;

public sealed class CustomerPageTests : ShopUiContext
{
    private async Task SeedAsync() => await SampleShop.SeedAsync(Store);

    [Fact]
    public async Task The_customer_grid_shows_orders_net_revenue_in_yuan_consent_and_links_to_profiles()
    {
        await SeedAsync();
        Render<MudPopoverProvider>();
        var page = Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Contains("ann@x.io", page.Markup));
        Assert.Contains("¥230.00", page.Markup);
        Assert.Contains("¥105.00", page.Markup);
        Assert.Equal(2, page.FindAll("[data-testid=consent-yes]").Count);
        Assert.Equal(3, page.FindAll("[data-testid=consent-no]").Count);
        Assert.Contains(page.FindAll("a[href]"), a => a.GetAttribute("href") == "/customers/1");
    }

    [Fact]
    public void An_empty_store_explains_how_to_get_customers_in()
    {
        Render<MudPopoverProvider>();
        var page = Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Contains("seed-demo", page.Find("[data-testid=empty-state]").TextContent));
    }

    [Fact]
    public async Task The_profile_shows_consent_totals_and_the_merged_timeline()
    {
        await SeedAsync();
        var page = Render<CustomerPage>(p => p.Add(c => c.Id, 1));
        page.WaitForAssertion(() => Assert.Equal("Ann", page.Find("[data-testid=customer-name]").TextContent));
        Assert.Contains("Accepts marketing email", page.Markup);
        Assert.Equal("¥230.00", page.Find("[data-testid=customer-revenue]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=customer-orders]").TextContent);
        var rows = page.FindAll("[data-testid=timeline] tr");
        Assert.Equal(7, rows.Count);
        // Newest first, in the business time zone (UTC+8): the refunded Beta order at 20:45.
        Assert.Contains("2026-03-01 20:45:00", rows[0].TextContent);
        Assert.Contains("Order o5", rows[0].TextContent);
        Assert.Contains("Chatted", rows[6].TextContent);
        Assert.Empty(page.FindAll("[data-testid=load-more]"));

        var bob = Render<CustomerPage>(p => p.Add(c => c.Id, 2));
        bob.WaitForAssertion(() => Assert.Contains("do not email", bob.Markup));
        var missing = Render<CustomerPage>(p => p.Add(c => c.Id, 99));
        missing.WaitForAssertion(() => Assert.Contains("There is no customer with this id", missing.Markup));
    }
}

public sealed class CustomerPageFailureTests() : ShopUiContext(migrate: false)
{
    [Fact]
    public void A_failed_load_offers_retry_and_retry_recovers()
    {
        Render<MudPopoverProvider>();
        var page = Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Contains("The customers could not be loaded.", page.Markup));
        Assert.DoesNotContain("SqliteException", page.Markup);

        new Migrator(Store.Db).Migrate();
        page.Find("[data-testid=retry]").Click();
        page.WaitForAssertion(() => Assert.Contains("No customers yet.", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=load-failed]"));
    }
}
