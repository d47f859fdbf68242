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
        // The form posts and the server answers with a redirect either way, often to the same address: a mark on the old
        // document tells the new one apart, so the wait is for that navigation, not for the old page's load state.
        await page.EvaluateAsync("document.documentElement.setAttribute('data-before-submit', '')");
        await page.Locator("[data-testid=signin-form] button[type=submit]").ClickAsync();
        // Only this: a load-state wait on a frame that is between documents can miss its event and hang; what the
        // caller waits for next (an address, a field error) is looked for again until it shows.
        await Expect(page.Locator("html[data-before-submit]")).ToHaveCountAsync(0);
    }

    /// <summary>Signs in through the form and waits until the shell shows the user and the circuit has rendered the page.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/signin" : "/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await SubmitSignInAsync(page, email, password);
        await Expect(page).Not.ToHaveURLAsync(SignInUrl());
        await Expect(page.Locator("[data-testid=user-role]")).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
    }

    /// <summary>Opens a console page with a full load and waits until its circuit has rendered it.</summary>
    public static async Task GotoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitForCircuitAsync(page);
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.Locator("form[action='/auth/signout'] button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInUrl());
    }

    /// <summary>Opens a select by its label and picks the item holding <paramref name="text"/>; the page's circuit must be up.</summary>
    public static async Task PickAsync(IPage page, string label, string text)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text });
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) }).First.ClickAsync();
        await item.ClickAsync();
        await Expect(item).ToHaveCountAsync(0);
    }

    /// <summary>A text or number field found by its label, for the fields the form gives no test id.</summary>
    public static ILocator Field(IPage page, string label) => page.Locator(".mud-input-control")
        .Filter(new() { Has = page.Locator("label", new() { HasTextRegex = new Regex("^" + Regex.Escape(label) + "$") }) })
        .Locator("input").First;

    /// <summary>
    /// Waits until the circuit has rendered the page, which the layout marks with html[data-circuit=ready]: before that a
    /// click on a prerendered button does nothing and text typed into a prerendered field is lost.
    /// </summary>
    public static Task WaitForCircuitAsync(IPage page) => Expect(page.Locator("html[data-circuit=ready]")).ToBeAttachedAsync();

    [GeneratedRegex("/signin")]
    public static partial Regex SignInUrl();
}
