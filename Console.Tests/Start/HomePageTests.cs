using Bunit;
using Bunit.TestDoubles;
using Console.Domain.Admin;
using Console.Domain.Coupons;
using Console.Domain.GroupBuys;
using Console.Tests.Support;
using Console.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Start;

/// <summary>Home is each role's start page: what is running for Marketers, the system's health for Admins; no placeholder.</summary>
public sealed class HomePageTests : UiContext
{
    private readonly BunitAuthorizationContext _auth;

    public HomePageTests()
    {
        Services.AddSingleton<CreateCouponCampaign>();
        Services.AddSingleton<RunningCampaigns>();
        Services.AddSingleton<ExpiringTeams>();
        Services.AddSingleton<EndingGroupBuys>();
        Services.AddSingleton<SystemHealth>();
        _auth = AddAuthorization();
    }

    [Fact]
    public async Task A_marketer_sees_running_coupons_with_todays_uses_budget_left_and_a_link_to_each_and_what_ends_this_week()
    {
        _auth.SetAuthorized("m@x.io").SetRoles(Roles.Marketer);
        var ends = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var created = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await Services.GetRequiredService<CreateCouponCampaign>()
            .ExecuteAsync(new CouponCampaignInput(Name: "Spring sale", Kind: "amount_off", Value: 20m, Budget: 500m, Code: "SPRING",
                Status: "active", EndsAt: ends), "m@x.io"));
        Render<MudPopoverProvider>();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=running-coupons] tbody tr")));
        var row = page.Find("[data-testid=running-coupons] tbody tr");
        Assert.Equal($"/promotions/coupons/{created.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Spring sale", row.TextContent);
        Assert.Contains("¥500.00", row.TextContent);
        Assert.Contains("Spring sale", page.Find("[data-testid=ending-this-week]").TextContent);
        Assert.Contains("No open team expires", page.Find("[data-testid=expiring-teams]").TextContent);
        Assert.DoesNotContain("as they become available", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=health-users]"));
    }

    [Fact]
    public async Task An_admin_sees_the_health_of_the_system_with_users_and_keys_at_a_glance()
    {
        _auth.SetAuthorized("admin@x.io").SetRoles(Roles.Admin);
        await Services.GetRequiredService<ConsoleUsers>().AddAsync("admin@x.io", Roles.Admin, "longpassword1", "setup");
        await Services.GetRequiredService<ApiKeys>().CreateAsync("storefront", ApiKeyScope.Ingest, "admin@x.io");
        Render<MudPopoverProvider>();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=health-users]")));
        Assert.Contains("System health", page.Markup);
        Assert.Contains("None yet", page.Find("[data-testid=health-events]").TextContent);
        Assert.Contains("1", page.Find("[data-testid=health-users] h6").TextContent);
        Assert.Contains("Never", page.Find("[data-testid=health-keys]").TextContent);
        Assert.Equal("/admin/jobs", page.Find("[data-testid=health-jobs] a").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=running-coupons]"));
    }
}
