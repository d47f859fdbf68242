using Console.Domain.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>Signing in and out, the language switch, role checks and lockout, in a real Chromium against the real server.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class SignInFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    [Fact]
    public async Task A_manager_signs_in_and_lands_signed_in_on_the_home_page()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword);

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("Manager");
        await Expect(page.Locator(".cc-user-email")).ToHaveTextAsync("manager@demo.local");
        await Expect(page.Locator("[data-testid=signin-form]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Switching_to_simplified_chinese_translates_the_navigation_and_back()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword);
        var nav = page.Locator(".mud-drawer .mud-navmenu").First;
        await Expect(nav).ToContainTextAsync("Home");

        // The language links are plain links to a full page load: they work before the circuit has connected.
        await page.Locator("[data-testid=language-menu] a", new() { HasText = "简体中文" }).ClickAsync();

        await Expect(nav).ToContainTextAsync("首页");
        await Expect(nav).Not.ToContainTextAsync("Home");
        await Expect(page.Locator("form[action='/auth/signout'] button")).ToContainTextAsync("退出登录");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");

        await page.Locator("[data-testid=language-menu] a", new() { HasText = "English" }).ClickAsync();
        await Expect(nav).ToContainTextAsync("Home");
    }

    [Fact]
    public async Task The_menu_button_hides_the_drawer_and_the_dark_theme_stays_across_pages()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, "/customers");
        var drawer = page.Locator(".mud-drawer");
        await Expect(drawer).ToBeVisibleAsync();
        var menu = page.Locator("header button.mud-icon-button-edge-start");
        await menu.ClickAsync();
        await Expect(drawer).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Expect(drawer).ToBeVisibleAsync();

        await page.Locator("[data-testid=theme-dark]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync("cc-dark");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/customers$"));
        await Ui.GotoAsync(page, "/sales");
        await Expect(page.Locator("html")).ToHaveClassAsync("cc-dark");
        await Expect(page.Locator("[data-testid=theme-dark]")).ToBeHiddenAsync();
        await page.Locator("[data-testid=theme-light]").ClickAsync();
        await Expect(page.Locator("html")).Not.ToHaveClassAsync("cc-dark");
    }

    [Fact]
    public async Task On_a_narrow_screen_the_drawer_starts_hidden_and_the_menu_button_shows_it()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(800, 900);
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, "/customers");
        var drawer = page.Locator(".mud-drawer");
        await Expect(drawer).ToBeHiddenAsync();
        await page.Locator("header button.mud-icon-button-edge-start").ClickAsync();
        await Expect(drawer).ToBeVisibleAsync();
        await Expect(drawer.Locator("a[href='/customers']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_the_console_asks_again()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword);

        await Ui.SignOutAsync(page);
        await Expect(page.Locator("[data-testid=signin-form]")).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(Ui.SignInUrl());
        await Expect(page.Locator("[data-testid=user-role]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_marketer_cannot_open_the_admin_pages()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword);
        await Expect(page.Locator(".mud-drawer .mud-navmenu").First).Not.ToContainTextAsync("Users");

        await page.GotoAsync("/admin/users");

        await Expect(page.GetByText("Your role does not give access to this page.")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=add-user]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("Marketer");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        const string password = "right-password-1";
        var email = await app.AddUserAsync(Roles.Manager, password);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/signin");

        for (var attempt = 1; attempt < SignInCheck.MaxFailedAttempts; attempt++)
        {
            await Ui.SubmitSignInAsync(page, email, "wrong-password-" + attempt);
            await Expect(page.Locator("[data-testid=signin-error]")).ToHaveTextAsync("Wrong email or password.");
        }
        await Ui.SubmitSignInAsync(page, email, "wrong-password-5");
        await Expect(page.Locator("[data-testid=signin-error]")).ToContainTextAsync("Too many wrong passwords");

        await Ui.SubmitSignInAsync(page, email, password);

        await Expect(page).ToHaveURLAsync(Ui.SignInUrl());
        await Expect(page.Locator("[data-testid=signin-error]")).ToContainTextAsync("Too many wrong passwords: locked until");
        await Expect(page.Locator("[data-testid=user-role]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_right_password_after_fewer_wrong_ones_still_signs_in()
    {
        const string password = "right-password-2";
        var email = await app.AddUserAsync(Roles.Marketer, password);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/signin");
        for (var attempt = 1; attempt < SignInCheck.MaxFailedAttempts; attempt++)
            await Ui.SubmitSignInAsync(page, email, "wrong-password-" + attempt);

        await Ui.SubmitSignInAsync(page, email, password);

        await Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("Marketer");
    }
}
