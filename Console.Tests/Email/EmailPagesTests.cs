using Bunit;
using Console.Domain.Email;
using Console.Domain.Segments;
using Console.Tests.Support;
using Console.Web.Components.Pages.Email;
using Dapper;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Email;

/// <summary>
/// The email pages over the real domain services: the editor's coupon field offers the coupon campaigns with unique
/// codes by name (and says so when there are none), and a campaign's notice follows its state, progress while it
/// sends and the outcome once it has ended, instead of the moment sending started.
/// </summary>
public sealed class EmailPagesTests : CampaignEditorContext
{
    private readonly long _segmentId;

    public EmailPagesTests()
    {
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Console.Web.Hosting.DomainRegistrations.Add(Services);
        Services.AddSingleton(Store.PersonalData);
        Services.AddSingleton<IUnsubscribeLinks, TestUnsubscribeLinks>();
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(Store.Directory, "jobs.db"), new SQLiteStorageOptions())));
        _segmentId = SeedOptedInSegment("a", "b", "c");
    }

    [Fact]
    public async Task The_coupon_field_says_when_no_campaign_has_unique_codes_and_otherwise_stores_the_one_picked_by_name()
    {
        Render<MudPopoverProvider>();
        var empty = Render<EmailEditorPage>();
        empty.WaitForAssertion(() => Assert.Contains("No coupon campaign has unique codes yet.", empty.Find("[data-testid=email-coupon-empty]").TextContent));

        var spring = AddCouponCampaign("Spring codes", unique: ["SPRING-1", "SPRING-2", "SPRING-3"]);
        AddCouponCampaign("Shared only", shared: "EVERYONE");
        var page = Render<EmailEditorPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=email-save]")));
        Assert.Empty(page.FindAll("[data-testid=email-coupon-empty]"));
        // Only the campaign with unique codes is offered; it is found by its name, as the marketer reads the list.
        var offered = await Services.GetRequiredService<EmailCouponChoices>().ListAsync();
        Assert.Equal(["Spring codes"], offered.Select(c => c.Name));
        await SetAsync<MudTextField<string>, string?>(page, "Name", "Spring news", f => f.ValueChanged, f => f.Label);
        await SetAsync<MudSelect<long?>, long?>(page, "Segment", _segmentId, f => f.ValueChanged, f => f.Label);
        await SetAsync<MudTextField<string>, string?>(page, "Subject", "Your code {{ coupon.code }}", f => f.ValueChanged, f => f.Label);
        await SetAsync<MudSelect<long?>, long?>(page, "Coupon campaign", offered.Single(c => c.Name == "Spring codes").Id, f => f.ValueChanged, f => f.Label);
        page.WaitForAssertion(() => Assert.Contains("Spring codes · 3 free codes · Active", page.Markup));

        // The codes are withdrawn before the save: the refusal is shown beside the coupon field, and nothing is stored.
        await using (var connection = await Store.Db.OpenAsync())
            await connection.ExecuteAsync("UPDATE coupon_codes SET is_unique = 0 WHERE campaign_id = @spring", new { spring });
        page.Find("[data-testid=email-save]").Click();
        page.WaitForAssertion(() => Assert.Contains($"Coupon campaign {spring} has no unique codes to hand out.",
            page.FindComponents<MudSelect<long?>>().Single(s => s.Instance.Label == "Coupon campaign").Markup));
        await using (var connection = await Store.Db.OpenAsync())
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM email_campaigns"));
            await connection.ExecuteAsync("UPDATE coupon_codes SET is_unique = 1 WHERE campaign_id = @spring", new { spring });
        }

        page.Find("[data-testid=email-save]").Click();
        await using var check = await Store.Db.OpenAsync();
        page.WaitForAssertion(() => Assert.Equal(spring, check.ExecuteScalar<long?>("SELECT coupon_campaign_id FROM email_campaigns WHERE name = 'Spring news'")));
    }

    [Fact]
    public async Task The_notice_shows_progress_while_the_campaign_sends_and_its_outcome_once_it_has_ended()
    {
        long campaign;
        await using (var connection = await Store.Db.OpenAsync())
        {
            var now = DateTime.UtcNow;
            campaign = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO email_campaigns (name, segment_id, subject, html, status, started_at, created_at, updated_at)
                VALUES ('Spring news', @segment, 'Hello', '<p>Hi</p>', 'sending', @now, @now, @now);
                INSERT INTO email_runs (campaign_id, run_key, status, created_at) VALUES (last_insert_rowid(), 'once', 'sending', @now);
                SELECT campaign_id FROM email_runs WHERE id = last_insert_rowid();
                """, new { segment = _segmentId, now });
            await connection.ExecuteAsync("""
                INSERT INTO email_recipients (run_id, campaign_id, customer_id, email, state, reason, attempts, next_attempt_at, updated_at)
                SELECT r.id, r.campaign_id, c.id, c.email, CASE c.external_id WHEN 'a' THEN 'sent' WHEN 'b' THEN 'queued' ELSE 'skipped' END,
                       CASE c.external_id WHEN 'c' THEN 'no_consent' END, 0, @now, @now
                FROM email_runs r CROSS JOIN customers c WHERE r.campaign_id = @campaign
                """, new { campaign, now });
        }
        Render<MudPopoverProvider>();
        var page = Render<EmailCampaignPage>(p => p.Add(x => x.Id, campaign));
        page.WaitForAssertion(() => Assert.Equal($"Sending: 1 of 2 recipients done ({EmailFormat.Percent(0.5)}).", page.Find("[data-testid=email-notice]").TextContent.Trim()));

        // The send job settles the last recipient and ends the campaign; the page reads it on its next look.
        await using (var connection = await Store.Db.OpenAsync())
            await connection.ExecuteAsync("""
                UPDATE email_recipients SET state = 'sent' WHERE campaign_id = @campaign AND state = 'queued';
                UPDATE email_runs SET status = 'sent', finished_at = @now WHERE campaign_id = @campaign;
                UPDATE email_campaigns SET status = 'sent', finished_at = @now, updated_at = @now WHERE id = @campaign;
                """, new { campaign, now = DateTime.UtcNow });
        page.WaitForAssertion(() => Assert.Equal("Sending has ended: 2 sent, 0 failed, 1 skipped.", page.Find("[data-testid=email-notice]").TextContent.Trim()),
            TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Sending:", page.Markup);
        Assert.Equal("Sent", page.Find("[data-testid=email-status]").TextContent.Trim());
    }

    private long AddCouponCampaign(string name, string[]? unique = null, string? shared = null)
    {
        using var connection = Store.Db.Open();
        var now = DateTime.UtcNow;
        var id = connection.ExecuteScalar<long>("""
            INSERT INTO coupon_campaigns (name, kind, value, status, created_at, updated_at) VALUES (@name, 'amount_off', 3000, 'active', @now, @now);
            SELECT last_insert_rowid();
            """, new { name, now });
        foreach (var code in unique ?? [])
            connection.Execute("INSERT INTO coupon_codes (code, campaign_id, is_unique, uses, created_at) VALUES (@code, @id, 1, 0, @now)", new { code, id, now });
        if (shared is not null)
            connection.Execute("INSERT INTO coupon_codes (code, campaign_id, is_unique, uses, created_at) VALUES (@shared, @id, 0, 0, @now)", new { shared, id, now });
        return id;
    }
}
