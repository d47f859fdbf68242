using Console.Web.Components.Pages.Consent;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>An Admin sets the privacy texts, and a customer unsubscribes from a link on a 390 px phone in Chinese.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ConsentFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    [Fact]
    public async Task An_admin_sets_the_privacy_texts_and_a_phone_unsubscribes_with_one_button()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "admin@demo.local", E2EApp.DemoPassword, "/admin/privacy");
        await page.Locator("input[data-testid=privacy-url]").FillAsync("https://shop.example/privacy");
        await page.Locator("textarea[data-testid=privacy-consent-zh]").FillAsync("我们只在您同意后发送营销邮件。");
        await page.Locator("[data-testid=privacy-save]").ClickAsync();
        await Expect(page.GetByText("Privacy settings saved.")).ToBeVisibleAsync();

        using var connection = app.Server.Db.Open();
        var customer = connection.ExecuteScalar<long>("SELECT MIN(id) FROM customers WHERE email_opt_in = 1");
        // The link as a message would carry it, made with the server's own key ring (beside its store).
        var keys = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(app.Server.Directory, "keys")), b => b.SetApplicationName("CampaignConsole"));
        var url = new UnsubscribeLinks(keys, new ConsentOptions { PublicUrl = app.Server.Address.ToString() }, TimeProvider.System).UrlFor(customer, 3);

        await using var phone = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true });
        var person = await phone.NewPageAsync();
        var blocked = new List<string>();
        person.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(message.Text); };
        await person.GotoAsync(url);
        await Expect(person.Locator("h1")).ToHaveTextAsync("退订邮件");
        await Expect(person.Locator("#consent-text")).ToHaveTextAsync("我们只在您同意后发送营销邮件。");
        await Expect(person.Locator("#privacy-policy")).ToHaveAttributeAsync("href", "https://shop.example/privacy");
        Assert.True(await person.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT email_opt_in FROM customers WHERE id = @customer", new { customer }));

        await person.Locator("#unsubscribe").ClickAsync();
        await Expect(person.Locator("#done")).ToContainTextAsync("您已退订");
        Assert.Empty(blocked);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT email_opt_in FROM customers WHERE id = @customer", new { customer }));
        Assert.Equal(3, connection.ExecuteScalar<long>(
            "SELECT email_campaign_id FROM consent_changes WHERE customer_id = @customer AND source = 'unsubscribe'", new { customer }));

        // The profile shows the change, newest first.
        await page.GotoAsync($"/customers/{customer}");
        await Expect(page.Locator("[data-testid=consent-history] tr").First).ToContainTextAsync("Unsubscribe link · email campaign 3");
    }
}
