using Bunit;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Tests.Support;
using Console.Web.Components.Pages.Coupons;
using Console.Web.Components.Pages.GroupBuys;
using Console.Web.Components.Shared;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Console.Tests.Coupons;

/// <summary>How a coupon results page describes a live-room push.</summary>
public sealed class CouponResultsPageTests : UiContext
{
    public CouponResultsPageTests()
    {
        Services.AddSingleton<CreateCouponCampaign>();
        Services.AddSingleton<GetCouponCampaign>();
        Services.AddSingleton<UpdateCouponCampaign>();
        Services.AddSingleton<CouponCampaignResults>();
        Services.AddSingleton(Options.Create(new BusinessOptions()));
        AddAuthorization().SetAuthorized("m@x.io");
        using var connection = Store.Db.Open();
        connection.Execute("""
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES ('c-art', 'Painting', 'art', 19900, @now, @now);
            INSERT INTO live_sessions (external_id, course_id, title, updated_at) SELECT 'live-1', id, 'Art night', @now FROM courses;
            """, new { now = DateTime.UtcNow });
    }

    private async Task<string> PushLineAsync(long? claimMinutes)
    {
        var created = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await Services.GetRequiredService<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput(Name: "Live", Kind: "percent_off", Value: 20m, Audience: "live_claimers", Status: "active",
                LiveSessionExternalId: "live-1", ClaimMinutes: claimMinutes), "m@x.io"));
        var page = Render<CouponResultsPage>(p => p.Add(c => c.Id, created.Id));
        page.WaitForAssertion(() => Assert.Contains("live-1", page.Markup));
        return page.Find(".mud-typography-body2").TextContent;
    }

    [Fact]
    public async Task A_push_with_a_claim_window_says_how_long_a_claim_counts()
    {
        Assert.Contains("pushed in live session live-1 for 30 min", await PushLineAsync(30));
    }

    [Fact]
    public async Task A_push_without_a_claim_window_says_a_claim_has_no_time_limit_not_zero_minutes()
    {
        var line = await PushLineAsync(null);

        Assert.Contains("pushed in live session live-1; a claim counts with no time limit", line);
        Assert.DoesNotContain("0 min", line);
    }

    [Fact]
    public async Task The_summary_shows_every_term_and_a_date_only_end_as_the_day_entered()
    {
        var created = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await Services.GetRequiredService<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput(Name: "Year end", Kind: "percent_off", Value: 15m, MinSpend: 100m, MaxDiscount: 30m, Categories: ["art"],
                Audience: "new_customers", TotalLimit: 500, PerCustomerLimit: 1, Budget: 2000m, Code: "YEAREND", Status: "active",
                EndsAt: "2026-12-31T16:00:00Z"), "m@x.io"));
        var page = Render<CouponResultsPage>(p => p.Add(c => c.Id, created.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=coupon-terms]")));

        var terms = page.Find("[data-testid=coupon-terms]").TextContent;

        Assert.Equal("Percent off 15% · New customers · categories art · minimum spend ¥100.00 · discount capped at ¥30.00 · "
            + "500 uses in all · 1 per customer · budget ¥2,000.00 · does not stack · to 31 Dec 2026", terms);
        Assert.DoesNotContain("2027", page.Markup);
    }
}
