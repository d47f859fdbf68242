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

    /// <summary>Opens a select by its label and picks the item holding <paramref name="text"/>, retrying until the circuit answers.</summary>
    public static async Task PickAsync(IPage page, string label, string text)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text });
        await ClickUntilAsync(page.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) }).First, item);
        await item.ClickAsync();
        await Expect(item).ToHaveCountAsync(0);
    }

    /// <summary>A text or number field found by its label, for the fields the form gives no test id.</summary>
    public static ILocator Field(IPage page, string label) => page.Locator(".mud-input-control")
        .Filter(new() { Has = page.Locator("label", new() { HasTextRegex = new Regex("^" + Regex.Escape(label) + "$") }) })
        .Locator("input").First;

    /// <summary>
    /// Waits until the circuit has rendered the page: only interactive rendering writes Blazor's element reference
    /// attributes (_bl_…), which every MudBlazor input carries.
    /// </summary>
    public static Task WaitForCircuitAsync(IPage page) => page.WaitForFunctionAsync(
        "() => [...document.querySelectorAll('input, button')].some(e => e.getAttributeNames().some(n => n.startsWith('_bl_')))");

    [GeneratedRegex("/signin")]
    public static partial Regex SignInUrl();
}
