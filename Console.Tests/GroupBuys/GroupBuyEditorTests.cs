using Bunit;
using Console.Domain.GroupBuys;
using Console.Web.Components.Pages.GroupBuys;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.GroupBuys;

/// <summary>The group-buy editor asks the domain's own rules (the ones the API uses) and shows each error next to its field.</summary>
public sealed class GroupBuyEditorTests : CampaignEditorContext
{
    [Fact]
    public async Task A_group_buy_with_a_team_of_one_and_a_leader_price_above_the_group_price_shows_both_errors()
    {
        Render<MudPopoverProvider>();
        var page = Render<GroupBuyEditorPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=save]")));
        await SetAsync<MudTextField<string>, string?>(page, "Name", "Pairs", f => f.ValueChanged, f => f.Label);
        await SetAsync<MudSelect<string>, string?>(page, "Course", "c-art", f => f.ValueChanged, f => f.Label);
        await SetAsync<MudNumericField<long?>, long?>(page, "Team size", 1, f => f.ValueChanged, f => f.Label);
        await SetAsync<MudNumericField<decimal?>, decimal?>(page, "Group price", 99m, f => f.ValueChanged, f => f.Label);
        await SetAsync<MudNumericField<decimal?>, decimal?>(page, "Leader price", 120m, f => f.ValueChanged, f => f.Label);

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() =>
        {
            var errors = page.FindAll(".mud-input-error").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains("Must be between 2 and 50.", errors);
            Assert.Contains("The leader's price may not be above the group price.", errors);
        });
        Assert.Equal(0, (await Services.GetRequiredService<ListGroupBuyCampaigns>().PageAsync(null, 0, 10)).Total);
    }

    [Fact]
    public async Task Every_error_comes_in_one_pass_and_a_free_group_price_saves_only_once_confirmed()
    {
        Render<MudPopoverProvider>();
        var page = Render<GroupBuyEditorPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=save]")));
        await SetAsync<MudSelect<string>, string?>(page, "Course", "c-art", f => f.ValueChanged, f => f.Label);
        await SetAsync<MudNumericField<decimal?>, decimal?>(page, "Group price", 0m, f => f.ValueChanged, f => f.Label);
        await SetAsync<MudNumericField<decimal?>, decimal?>(page, "Leader price", 10m, f => f.ValueChanged, f => f.Label);

        page.Find("[data-testid=save]").Click();

        // The missing name, the cross-field price rule and the unconfirmed price of 0 all show at once.
        page.WaitForAssertion(() =>
        {
            var errors = page.FindAll(".mud-input-error").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains(errors, e => e.Contains("A price of 0 gives the course away", StringComparison.Ordinal));
            Assert.Contains("The leader's price may not be above the group price.", errors);
            Assert.Contains(errors, e => e.Contains("required", StringComparison.OrdinalIgnoreCase));
        });

        await SetAsync<MudTextField<string>, string?>(page, "Name", "Free pairs", f => f.ValueChanged, f => f.Label);
        await SetAsync<MudNumericField<decimal?>, decimal?>(page, "Leader price", null, f => f.ValueChanged, f => f.Label);
        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".mud-input-error"), e => e.TextContent.Contains("A price of 0", StringComparison.Ordinal)));
        Assert.Equal(0, (await Services.GetRequiredService<ListGroupBuyCampaigns>().PageAsync(null, 0, 10)).Total);

        var confirm = page.FindComponents<MudCheckBox<bool>>().Single();
        await confirm.InvokeAsync(() => confirm.Instance.ValueChanged.InvokeAsync(true));
        page.Find("[data-testid=save]").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/promotions/group-buys/[0-9]+$", navigation.Uri));
        Assert.Equal(1, (await Services.GetRequiredService<ListGroupBuyCampaigns>().PageAsync(null, 0, 10)).Total);
    }
}
