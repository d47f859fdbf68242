using Console.Domain.GroupBuys;
using Console.Tests.Support;

namespace Console.Tests.GroupBuys;

/// <summary>The marketer's start page: open teams about to close and group-buy campaigns whose last week has come.</summary>
public sealed class HomeGroupBuyTests
{
    [Fact]
    public async Task Only_open_teams_closing_within_the_next_hours_are_listed_with_their_campaign()
    {
        using var store = new PromoStore();
        var (campaign, start) = await GroupBuyScenario.RunAsync(store);

        var teams = await store.Get<ExpiringTeams>().ListAsync();

        // The scenario leaves one team open: opened at +100 min with a 60-minute window; filled and failed teams stay out.
        var team = Assert.Single(teams);
        Assert.Equal(campaign, team.CampaignId);
        Assert.Equal("Pairs", team.CampaignName);
        Assert.Equal((1, 2), (team.Members, team.Size));
        Assert.Equal(start.AddMinutes(160).UtcDateTime, team.ExpiresAt);

        store.Clock.Now = start.AddMinutes(161);
        Assert.Empty(await store.Get<ExpiringTeams>().ListAsync());
    }

    [Fact]
    public async Task Campaigns_ending_within_seven_days_are_listed_soonest_first_and_drafts_or_later_ends_are_not()
    {
        using var store = new PromoStore();
        var create = store.Get<CreateGroupBuyCampaign>();
        async Task<long> CreateAsync(string name, string endsAt, string status) =>
            Assert.IsType<CreateGroupBuyCampaign.Outcome.Created>(await create.ExecuteAsync(
                new CreateGroupBuyCampaign.Input(name, PromoStore.Art, 2, 99m, null, 60, EndsAt: endsAt, Status: status), "m@x.io")).Id;
        var later = await CreateAsync("In six days", "2025-03-07T00:00:00Z", "paused");
        var soon = await CreateAsync("Tomorrow", "2025-03-02T00:00:00Z", "active");
        await CreateAsync("Next month", "2025-04-01T00:00:00Z", "active");
        await CreateAsync("Draft", "2025-03-03T00:00:00Z", "draft");

        var ending = await store.Get<EndingGroupBuys>().ListAsync();

        Assert.Equal([soon, later], ending.Select(e => e.Id));
        Assert.Equal(new DateTime(2025, 3, 2, 0, 0, 0, DateTimeKind.Utc), ending[0].EndsAt);
    }
}
