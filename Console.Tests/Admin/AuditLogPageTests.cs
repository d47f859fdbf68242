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
        var lines = page.FindAll(".cc-audit-change").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(lines, l => l.StartsWith("Email:", StringComparison.Ordinal) && l.EndsWith("m@x.io", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Role:", StringComparison.Ordinal) && l.EndsWith("Marketer", StringComparison.Ordinal));
        Assert.DoesNotContain("{\"", page.Markup);
    }

    [Fact]
    public async Task Money_reads_in_yuan_and_chinese_text_unescaped_under_chinese_field_names()
    {
        new Migrator(Store.Db).Migrate();
        await using (var connection = await Store.Db.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Audit.WriteAsync(connection, tx, "m@x.io", "group_buy_campaign.create", "group_buy_campaign", "1", null,
                new { name = "两人团", groupPrice = 9900L }, DateTime.UtcNow);
            await tx.CommitAsync();
        }
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            Render<MudPopoverProvider>();
            var page = Render<AuditLogPage>();

            page.WaitForAssertion(() => Assert.Contains("group_buy_campaign.create", page.Markup));
            var lines = page.FindAll(".cc-audit-change").Select(e => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", "")).ToList();
            Assert.Contains("名称:两人团", lines);
            Assert.Contains("拼团价:¥99.00", lines);
            Assert.DoesNotContain("\\u", page.Markup);
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = culture; }
    }
}
