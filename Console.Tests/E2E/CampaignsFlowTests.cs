using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>A marketer sets up a coupon campaign in the console, as they would before a live session.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class CampaignsFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    [Fact]
    public async Task A_marketer_is_told_what_is_wrong_next_to_the_field_then_saves_a_coupon_campaign()
    {
        var name = "Live room 20% off " + Guid.NewGuid().ToString("N")[..6];
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword, "/promotions/coupons/new");
        var nameField = page.Locator("input[data-testid=name]");
        var valueField = page.Locator("input[data-testid=value]");
        await Expect(nameField).ToBeVisibleAsync();

        // Typing into the prerendered form is lost when the circuit takes over, and typing the same text again fires
        // no change event: so type only once the circuit has rendered the form.
        await Ui.WaitForCircuitAsync(page);
        var fieldError = page.Locator(".mud-input-control.mud-input-error").Filter(new() { Has = valueField, HasText = "100" });
        await nameField.FillAsync(name);
        await valueField.FillAsync("150");
        await page.Locator("[data-testid=save]").ClickAsync();
        await Expect(fieldError).ToBeVisibleAsync();
        Assert.Equal(0, await CampaignsNamedAsync(name));

        await valueField.FillAsync("20");
        await page.Locator("[data-testid=save]").ClickAsync();
        await Expect(page).ToHaveURLAsync(ResultsUrl());
        Assert.Equal(1, await CampaignsNamedAsync(name));
        await Screenshots.SaveAsync(page, "coupon-results");
    }

    private async Task<long> CampaignsNamedAsync(string name)
    {
        await using var connection = await app.Server.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM coupon_campaigns WHERE name = @name", new { name });
    }

    [GeneratedRegex(@"/promotions/coupons/\d+$")]
    private static partial Regex ResultsUrl();
}
