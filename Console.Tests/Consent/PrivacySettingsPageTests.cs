using AngleSharp.Dom;
using Bunit;
using Console.Domain.Consent;
using Console.Web.Auth;
using Console.Web.Components.Pages.Consent;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Consent;

/// <summary>The privacy page as an Admin uses it: a retention out of bounds is refused next to its field and saves nothing.</summary>
public sealed class PrivacySettingsPageTests : UiContext
{
    public PrivacySettingsPageTests()
    {
        AddAuthorization().SetAuthorized("admin@x.io").SetRoles("Admin").SetPolicies(UiPolicies.SignedIn, UiPolicies.Admin);
        Services.AddSingleton<PrivacyTexts>();
        Services.AddSingleton<EventRetention>();
    }

    [Fact]
    public async Task A_retention_below_thirty_days_is_refused_beside_its_field_and_a_valid_one_is_kept_with_the_texts()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<PrivacySettingsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=privacy-raw-event-days]")));

        page.Find("[data-testid=privacy-url]").Change("https://shop.example/privacy");
        page.Find("[data-testid=privacy-raw-event-days]").Change("7");
        page.Find("[data-testid=privacy-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("between 30 and", page.Find("[data-testid=privacy-raw-event-days]").Closest(".mud-input-control")!.TextContent));
        Assert.Null(await Services.GetRequiredService<EventRetention>().GetAsync());
        Assert.Null((await Services.GetRequiredService<PrivacyTexts>().GetAsync()).PolicyUrl);

        page.Find("[data-testid=privacy-raw-event-days]").Change("365");
        page.Find("[data-testid=privacy-save]").Click();
        page.WaitForAssertion(() => Assert.Equal(365, Services.GetRequiredService<EventRetention>().GetAsync().GetAwaiter().GetResult()));
        Assert.Equal("https://shop.example/privacy", (await Services.GetRequiredService<PrivacyTexts>().GetAsync()).PolicyUrl);
    }
}
