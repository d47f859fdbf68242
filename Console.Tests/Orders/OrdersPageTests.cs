using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Console.Web.Components.Pages.Customers;
using Console.Web.Components.Pages.Orders;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Orders;

/// <summary>The orders grid and the order page over the orders of <see cref="OrderScenario"/>, placed through the real use cases.</summary>
public sealed class OrdersPageTests : UiContext
{
    public OrdersPageTests()
    {
        // The customer page offers an Admin the data export and erasure; it renders here as a reader without that role.
        AddAuthorization();
        // Made by the container so that the container disposes it with the rest.
        Services.AddSingleton(_ => new PromoStore());
        Services.AddSingleton(sp => sp.GetRequiredService<PromoStore>().Store.Db);
        Services.AddSingleton<Console.Domain.Orders.OrderList>();
        Services.AddSingleton<Console.Domain.Orders.OrderDetail>();
        Services.AddSingleton<Console.Domain.Customers.CustomerProfile>();
        Services.AddSingleton<Console.Domain.Customers.CustomerTimeline>();
    }

    private PromoStore Promo => Services.GetRequiredService<PromoStore>();

    private static IElement Input(IRenderedComponent<OrdersPage> page, string testId) =>
        page.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    [Fact]
    public async Task The_grid_lists_orders_newest_first_with_names_statuses_in_words_money_and_links()
    {
        await OrderScenario.RunAsync(Promo);
        Render<MudPopoverProvider>();
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Contains("Ann Lee", page.Markup));
        var rows = page.FindAll("tbody tr");
        Assert.Equal(8, rows.Count);
        Assert.Contains("late", rows[0].TextContent);
        Assert.Contains("Partly refunded", rows[1].TextContent);
        Assert.Contains("¥240.00", rows[1].TextContent);
        Assert.Contains("¥10.00", rows[1].TextContent);
        Assert.Contains("Awaiting group", page.Markup);
        Assert.Contains("Refund due", page.Markup);
        Assert.DoesNotContain("refund_due", page.Markup);
        Assert.Contains(page.FindAll("a[href]"), a => a.GetAttribute("href") == "/orders/k1");
        Assert.Contains(page.FindAll("a[href]"), a => a.GetAttribute("href") == "/customers/1");
    }

    [Fact]
    public async Task Filters_are_read_from_the_address_and_a_new_filter_is_written_back_to_it()
    {
        await OrderScenario.RunAsync(Promo);
        Render<MudPopoverProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/orders?status=refund_due&from=2025-03-01&to=2025-03-01");
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Contains("g3", page.Find("tbody").TextContent));
        Assert.Single(page.FindAll("tbody tr"));
        Assert.Equal("2025-03-01", Input(page, "days-from").GetAttribute("value"));
        Assert.NotEmpty(page.FindAll("[data-testid=clear-filters]"));

        Input(page, "coupon-search").Input("spring20");
        page.WaitForAssertion(() => Assert.Contains("coupon=spring20", navigation.Uri), TimeSpan.FromSeconds(5));
        Assert.Contains("status=refund_due", navigation.Uri);
    }

    [Fact]
    public async Task An_order_page_shows_customer_course_each_discount_payable_and_refunds_in_business_time()
    {
        await OrderScenario.RunAsync(Promo);
        var page = Render<OrderPage>(p => p.Add(c => c.OrderId, "k1"));
        page.WaitForAssertion(() => Assert.Equal("Order k1", page.Find("[data-testid=order-title]").TextContent));
        Assert.Equal("Partly refunded", page.Find("[data-testid=order-status]").TextContent.Trim());
        Assert.Equal("Ann Lee", page.Find("[data-testid=order-customer]").TextContent);
        Assert.Equal("/customers/1", page.Find("[data-testid=order-customer]").GetAttribute("href"));
        Assert.Equal("C#", page.Find("[data-testid=order-course]").TextContent);
        Assert.Equal("Storefront", page.Find("[data-testid=order-channel]").TextContent);
        var coupon = page.Find("[data-testid=order-discount]").TextContent;
        Assert.Contains(OrderScenario.Coupon, coupon);
        Assert.Contains("Spring sale", coupon);
        Assert.Contains("−¥60.00", coupon);
        Assert.Equal("¥240.00", page.Find("[data-testid=order-payable]").TextContent);
        Assert.Equal("¥230.00", page.Find("[data-testid=order-net]").TextContent);
        var refund = page.Find("[data-testid=order-refunds] tbody tr").TextContent;
        // Refunded at 02:20 UTC, 10:20 in Shanghai.
        Assert.Contains("2025-03-01 10:20", refund);
        Assert.Contains("¥10.00", refund);
        Assert.Contains("Changed mind", refund);
        Assert.Empty(page.FindAll("[data-testid=team-members]"));

        var missing = Render<OrderPage>(p => p.Add(c => c.OrderId, "no-such-order"));
        missing.WaitForAssertion(() => Assert.Contains("There is no order with this id.", missing.Markup));
    }

    [Fact]
    public async Task A_group_buy_order_shows_its_team_by_name_in_english_and_chinese()
    {
        await OrderScenario.RunAsync(Promo);
        var page = Render<OrderPage>(p => p.Add(c => c.OrderId, "g2"));
        page.WaitForAssertion(() => Assert.Contains("Pairs", page.Find("[data-testid=team-summary]").TextContent));
        Assert.Equal("Filled", page.Find("[data-testid=team-state]").TextContent.Trim());
        var members = page.FindAll("[data-testid=team-members] tbody tr");
        Assert.Equal(2, members.Count);
        Assert.Contains("Ann Lee", members[0].TextContent);
        Assert.Contains("Leader", members[0].TextContent);
        Assert.Contains("Bob Wu", members[1].TextContent);
        Assert.Contains("Group-buy price", page.Find("[data-testid=order-discount]").TextContent);

        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        try
        {
            var failed = Render<OrderPage>(p => p.Add(c => c.OrderId, "g3"));
            failed.WaitForAssertion(() => Assert.Equal("待退款", failed.Find("[data-testid=order-status]").TextContent.Trim()));
            Assert.Equal("未成团", failed.Find("[data-testid=team-state]").TextContent.Trim());
            Assert.Contains("拼团价", failed.Markup);
        }
        finally { CultureInfo.CurrentUICulture = culture; }
    }

    [Fact]
    public async Task The_customer_timeline_links_each_order_to_its_page()
    {
        await OrderScenario.RunAsync(Promo);
        var page = Render<CustomerPage>(p => p.Add(c => c.Id, 1));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=timeline-order]")));
        Assert.Equal(["/orders/k1", "/orders/g1"], page.FindAll("[data-testid=timeline-order]").Select(a => a.GetAttribute("href")));
    }
}
