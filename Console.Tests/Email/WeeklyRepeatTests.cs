using Console.Domain.Email;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Email;

/// <summary>A weekly campaign: one run per week's occurrence however often (and on however many workers) the dispatch job runs.</summary>
public sealed class WeeklyRepeatTests
{
    [Fact]
    public async Task A_weekly_campaign_sends_once_per_week_when_two_workers_run_the_dispatch_job_twice_each()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        var (ids, eligible, ineligible) = EmailWorld.SeedCustomers(store, 30);
        var members = new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids);
        using var first = new EmailWorld(store, EmailWorld.Smtp(smtp.Port), members);
        using var second = new EmailWorld(store, EmailWorld.Smtp(smtp.Port), members);
        var created = await first.Get<CreateEmailCampaign>().ExecuteAsync(new EmailCampaignInput("Every Monday", EmailWorld.SegmentId,
            "This week, {{ customer.first_name }}", "<p>New this week</p>", SendAt: DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz"),
            RepeatWeekly: true), "test");
        var campaignId = Assert.IsType<CreateEmailCampaign.Outcome.Created>(created).Id;
        Assert.IsType<StartEmailCampaign.Outcome.Scheduled>(await first.Get<StartEmailCampaign>().ExecuteAsync(campaignId, "test"));
        Assert.Equal(0, (await first.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None)).Frozen);

        // Week one: the first occurrence was an hour ago.
        MoveFirstSend(store, campaignId, TimeSpan.FromHours(1));
        var week1 = await DispatchTwiceOnBothAsync(first, second);
        Assert.Equal(1, week1);
        Assert.All(smtp.CountByAddress(), a => Assert.Equal(1, a.Value));
        Assert.Equal(eligible.Order(StringComparer.OrdinalIgnoreCase), smtp.CountByAddress().Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(EmailCampaignStatus.Scheduled, (await first.Get<GetEmailCampaign>().FindAsync(campaignId, CancellationToken.None))!.Campaign.Status);

        // A week later: the same campaign's next occurrence was an hour ago, so one more run.
        PassAWeek(store, campaignId);
        Assert.Equal(1, await DispatchTwiceOnBothAsync(first, second));
        var counts = smtp.CountByAddress();
        Assert.Equal(eligible.Count, counts.Count);
        Assert.All(counts, a => Assert.Equal(2, a.Value));
        Assert.DoesNotContain(counts.Keys, ineligible.Contains);

        // A week whose occurrence was three days ago (the workers were down): a missed week is not sent late.
        MoveFirstSend(store, campaignId, TimeSpan.FromDays(14 + 3));
        Assert.Equal(0, await DispatchTwiceOnBothAsync(first, second));
        Assert.Equal(2 * eligible.Count, smtp.Mailbox.Count);
        using var connection = store.Db.Open();
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM email_runs WHERE campaign_id = @campaignId AND run_key LIKE 'week:%'",
            new { campaignId }));
    }

    /// <summary>
    /// A week passes: every time the campaign stored moves a week back, and its run keys with them, as if the first run
    /// had been a week ago. Its recipients' sends leave the weekly cap's window as they would.
    /// </summary>
    private static void PassAWeek(TempStore store, long campaignId)
    {
        using var connection = store.Db.Open();
        var week = TimeSpan.FromDays(7);
        var sendAt = connection.ExecuteScalar<DateTime>("SELECT send_at FROM email_campaigns WHERE id = @campaignId", new { campaignId });
        connection.Execute("UPDATE email_campaigns SET send_at = @at WHERE id = @campaignId", new { at = sendAt - week, campaignId });
        foreach (var (id, key) in connection.Query<(long, string)>("SELECT id, run_key FROM email_runs WHERE campaign_id = @campaignId", new { campaignId }))
            connection.Execute("UPDATE email_runs SET run_key = @key WHERE id = @id",
                new { id, key = "week:" + DateTime.ParseExact(key[5..], "yyyy-MM-dd", null).AddDays(-7).ToString("yyyy-MM-dd") });
        foreach (var (id, sent) in connection.Query<(long, DateTime?)>("SELECT id, sent_at FROM email_recipients WHERE campaign_id = @campaignId", new { campaignId }))
            if (sent is { } at) connection.Execute("UPDATE email_recipients SET sent_at = @at WHERE id = @id", new { id, at = at - week });
    }

    /// <summary>Time passes by moving the stored first send back rather than by waiting.</summary>
    private static void MoveFirstSend(TempStore store, long campaignId, TimeSpan ago)
    {
        using var connection = store.Db.Open();
        connection.Execute("UPDATE email_campaigns SET send_at = @at WHERE id = @campaignId", new { at = DateTime.UtcNow - ago, campaignId });
    }

    /// <summary>Two workers each run the dispatch job twice, the first pair at the same moment; answers the runs frozen.</summary>
    private static async Task<int> DispatchTwiceOnBothAsync(EmailWorld first, EmailWorld second)
    {
        var together = await Task.WhenAll(first.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None),
            second.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None));
        var again = await Task.WhenAll(second.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None),
            first.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None));
        return together.Concat(again).Sum(o => o.Frozen);
    }
}
