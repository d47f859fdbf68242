using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>What a person does on the console's pages, in the browser.</summary>
public static partial class Ui
{
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/signin", StringComparison.Ordinal)) await page.GotoAsync("/signin");
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("[data-testid=signin-form] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Signs in through the form and waits until the shell shows the user.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/signin" : "/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await SubmitSignInAsync(page, email, password);
        await Expect(page).Not.ToHaveURLAsync(SignInUrl());
        await Expect(page.Locator("[data-testid=user-role]")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Clicks until <paramref name="expected"/> appears: a prerendered page shows its buttons before the circuit
    /// has connected, and until then a click does nothing.
    /// </summary>
    public static async Task ClickUntilAsync(ILocator target, ILocator expected, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            await target.ClickAsync();
            try
            {
                await expected.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 1_000 });
                return;
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException && DateTime.UtcNow < deadline) { }
        }
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.Locator("form[action='/auth/signout'] button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInUrl());
    }

    [GeneratedRegex("/signin")]
    public static partial Regex SignInUrl();
}
