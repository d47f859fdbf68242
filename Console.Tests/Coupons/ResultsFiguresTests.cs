using Bunit;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Tests.Support;
using Console.Web.Components.Pages.Coupons;
using Console.Web.Components.Pages.GroupBuys;
using Console.Web.Components.Shared;

namespace Console.Tests.Coupons;

/// <summary>The by-day chart of a campaign's results page.</summary>
public sealed class ResultsFiguresTests() : UiContext(migrate: false)
{
    private static readonly PromoFormat Format = PromoFormat.Create(new BusinessOptions(), new BusinessTime(new BusinessOptions()));

    private static CampaignResults Results(params CampaignDay[] days) =>
        new(days.Sum(d => d.Uses), 1, 1, days.Sum(d => d.DiscountGiven), days.Sum(d => d.NetRevenue), 0, 0, days);

    [Fact]
    public void A_campaign_used_on_one_day_only_shows_that_day_as_points()
    {
        var page = Render<ResultsFigures>(p => p.Add(c => c.Results, Results(new CampaignDay(new DateOnly(2026, 11, 28), 7, 28300, 41000)))
            .Add(c => c.Format, Format));

        // Without a second point the line's path has no segment; only a visible marker shows the day.
        Assert.Contains(page.FindAll(".mud-chart svg circle.mud-chart-point"), c => c.GetAttribute("opacity") != "0");
    }

    [Fact]
    public void Several_days_are_drawn_as_lines()
    {
        var page = Render<ResultsFigures>(p => p.Add(c => c.Results, Results(
                new CampaignDay(new DateOnly(2026, 11, 27), 2, 4000, 9000), new CampaignDay(new DateOnly(2026, 11, 28), 1, 2000, 5000)))
            .Add(c => c.Format, Format));

        Assert.Contains(page.FindAll(".mud-chart svg path.mud-chart-line"), p => p.GetAttribute("d")!.Contains('L', StringComparison.Ordinal));
    }
}
