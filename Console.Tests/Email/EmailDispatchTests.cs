using Console.Domain.Email;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Email;

/// <summary>The dispatch job: a scheduled send when its time comes, and a run per ended live session to its viewers who did not buy.</summary>
public sealed class EmailDispatchTests
{
    [Fact]
    public async Task A_live_session_trigger_sends_once_per_ended_session_to_viewers_who_did_not_buy()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        var (ids, eligible, _) = EmailWorld.SeedCustomers(store, 40);
        using var world = new EmailWorld(store, EmailWorld.Smtp(smtp.Port), new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids));
        var created = await world.Get<CreateEmailCampaign>().ExecuteAsync(new EmailCampaignInput("After the live", EmailWorld.SegmentId,
            "Missed the offer, {{ customer.first_name }}?", "<p>Still interested?</p>", Trigger: EmailTriggers.LiveSessionEnded), "test");
        var campaignId = Assert.IsType<CreateEmailCampaign.Outcome.Created>(created).Id;
        Assert.IsType<StartEmailCampaign.Outcome.Scheduled>(await world.Get<StartEmailCampaign>().ExecuteAsync(campaignId, "test"));
        Assert.IsType<StartEmailCampaign.Outcome.AlreadySent>(await world.Get<StartEmailCampaign>().ExecuteAsync(campaignId, "test"));

        // Customers 2..9 watched; 3 and 4 bought the course. The session ended after the campaign was created.
        var now = DateTime.UtcNow;
        using (var connection = store.Db.Open())
        {
            connection.Execute("""
                INSERT INTO courses (external_id, title, list_price, created_at, updated_at) VALUES ('k1', 'Python', 19900, @now, @now);
                INSERT INTO live_sessions (external_id, course_id, title, started_at, ended_at, updated_at)
                VALUES ('s1', (SELECT id FROM courses WHERE external_id = 'k1'), 'Live', @started, @ended, @now);
                """, new { now, started = now.AddHours(-1), ended = now.AddSeconds(1) });
            foreach (var i in Enumerable.Range(2, 8))
                connection.Execute("""
                    INSERT INTO events (event_key, event_id, customer_id, type, occurred_at, live_session_id)
                    VALUES (@key, @eventId, @customer, 'live_watch', @at, (SELECT id FROM live_sessions WHERE external_id = 's1'))
                    """, new { key = 9000 + i, eventId = $"e{i}", customer = ids[i - 1], at = now.AddMinutes(-30) });
            foreach (var i in new[] { 3, 4 })
                connection.Execute("""
                    INSERT INTO orders (order_id, customer_id, course_id, live_session_id, list_price, payable, status, paid_at, created_at)
                    VALUES (@orderId, @customer, (SELECT id FROM courses WHERE external_id = 'k1'), (SELECT id FROM live_sessions WHERE external_id = 's1'),
                            19900, 19900, 'paid', @at, @at)
                    """, new { orderId = $"o{i}", customer = ids[i - 1], at = now.AddMinutes(-20) });
        }

        await Task.Delay(1100);
        var first = await world.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None);
        var again = await world.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None);

        Assert.Equal(1, first.Frozen);
        Assert.Equal(0, again.Frozen);
        var expected = new[] { 2, 5, 6, 7, 8, 9 }.Select(i => $"c{i}@example.com").Where(eligible.Contains).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected.Order(), smtp.Mailbox.Select(m => m.To).Order());
        var view = (await world.Get<GetEmailCampaign>().FindAsync(campaignId, CancellationToken.None))!;
        Assert.Equal(EmailCampaignStatus.Scheduled, view.Campaign.Status);
    }

    [Fact]
    public async Task A_campaign_with_a_later_send_time_waits_for_it_and_then_sends_once()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        var (ids, eligible, _) = EmailWorld.SeedCustomers(store, 20);
        using var world = new EmailWorld(store, EmailWorld.Smtp(smtp.Port), new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids));
        var at = DateTimeOffset.UtcNow.AddHours(1);
        var created = await world.Get<CreateEmailCampaign>().ExecuteAsync(new EmailCampaignInput("Later", EmailWorld.SegmentId, "s", "<p>h</p>",
            SendAt: at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz")), "test");
        var campaignId = Assert.IsType<CreateEmailCampaign.Outcome.Created>(created).Id;
        Assert.IsType<StartEmailCampaign.Outcome.Scheduled>(await world.Get<StartEmailCampaign>().ExecuteAsync(campaignId, "test"));

        Assert.Equal(0, (await world.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None)).Frozen);
        Assert.Empty(smtp.Mailbox);
        // The hour passes: the stored time moves into the past rather than the test waiting.
        using (var connection = store.Db.Open())
            connection.Execute("UPDATE email_campaigns SET send_at = @past WHERE id = @campaignId", new { past = DateTime.UtcNow.AddSeconds(-1), campaignId });
        Assert.Equal(1, (await world.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None)).Frozen);
        Assert.Equal(0, (await world.Get<EmailDispatch>().ExecuteAsync(CancellationToken.None)).Frozen);

        SendingFaultTests.AssertExactlyOnce(smtp, eligible, []);
        Assert.Equal(EmailCampaignStatus.Sent, (await world.Get<GetEmailCampaign>().FindAsync(campaignId, CancellationToken.None))!.Campaign.Status);
    }
}
