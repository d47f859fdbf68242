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

        // Without a second point a line has no segment; a marker per series shows the day, its value on hover.
        var markers = page.FindAll(".cc-chart-wide .mud-chart svg circle");
        Assert.Equal(2, markers.Count);
        Assert.Contains(markers, c => c.TextContent.Contains("¥410.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_days_are_drawn_as_lines()
    {
        var page = Render<ResultsFigures>(p => p.Add(c => c.Results, Results(
                new CampaignDay(new DateOnly(2026, 11, 27), 2, 4000, 9000), new CampaignDay(new DateOnly(2026, 11, 28), 1, 2000, 5000)))
            .Add(c => c.Format, Format));

        var lines = page.FindAll(".cc-chart-wide .mud-chart svg polyline");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(2, l.GetAttribute("points")!.Split(' ').Length));
        Assert.Contains(new DateOnly(2026, 11, 27).ToString("d", System.Globalization.CultureInfo.CurrentCulture), page.Find("[data-testid=results-period]").TextContent, StringComparison.Ordinal);
    }
}
