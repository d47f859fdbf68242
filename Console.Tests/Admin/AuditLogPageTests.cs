using Bunit;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Admin;

public sealed class AuditLogPageTests() : UiContext(migrate: false)
{
    [Fact]
    public void A_failed_load_shows_an_error_with_retry_and_retry_recovers_to_the_empty_state()
    {
        Render<MudPopoverProvider>();
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Contains("The audit log could not be loaded.", page.Markup));
        Assert.DoesNotContain("SqliteException", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));

        new Migrator(Store.Db).Migrate();
        page.Find("[data-testid=retry]").Click();

        page.WaitForAssertion(() => Assert.Contains("No changes have been recorded yet.", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=load-failed]"));
    }

    [Fact]
    public async Task Entries_are_shown_with_who_what_and_the_change()
    {
        new Migrator(Store.Db).Migrate();
        await Services.GetRequiredService<ConsoleUsers>().AddAsync("m@x.io", Roles.Marketer, "longpassword1", "boss@x.io");
        Render<MudPopoverProvider>();
        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Contains("user.add", page.Markup));
        Assert.Contains("boss@x.io", page.Markup);
        Assert.Contains("console_user #1", page.Markup);
        Assert.Contains("""{"email":"m@x.io","role":"Marketer"}""", page.Markup);
    }
}
