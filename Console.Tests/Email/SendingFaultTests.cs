using Console.Domain.Email;
using Console.Tests.Support;
using Dapper;
using SmtpServer.Protocol;

namespace Console.Tests.Email;

/// <summary>
/// A campaign sent to a real SMTP server on loopback through faults. After each: every eligible recipient has exactly
/// one message in the server's mailbox, and no ineligible one (no consent, no address, over the weekly cap, holdout) has any.
/// </summary>
public sealed class SendingFaultTests
{
    [Fact]
    public async Task Replies_421_and_451_for_a_while_are_retried_until_accepted()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        smtp.Refuse = n => n <= 40 ? new SmtpResponse(n % 2 == 0 ? SmtpReplyCode.ServiceUnavailable : (SmtpReplyCode)451, "try later") : null;
        var (ids, eligible, ineligible) = EmailWorld.SeedCustomers(store, 150);
        using var world = new EmailWorld(store, EmailWorld.Smtp(smtp.Port), new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids));
        var (campaignId, runId) = await world.CampaignAsync();

        var outcome = await world.Get<SendEmailRun>().ExecuteAsync(runId, CancellationToken.None);

        Assert.Equal(SendEmailRun.Statuses.Finished, outcome.Status);
        Assert.True(outcome.Retried >= 40, $"{outcome.Retried} retries");
        AssertExactlyOnce(smtp, eligible, ineligible);
        var counts = (await world.Get<GetEmailCampaign>().FindAsync(campaignId, CancellationToken.None))!;
        Assert.Equal(eligible.Count, counts.Counts.Sent);
        Assert.Equal(0, counts.Counts.Failed);
        Assert.Equal(EmailCampaignStatus.Sent, counts.Campaign.Status);
        Assert.True(counts.Counts.Skipped[RecipientReason.FrequencyCap] > 0 && counts.Counts.Skipped[RecipientReason.NoConsent] > 0
                    && counts.Counts.Skipped[RecipientReason.NoEmail] > 0);
    }

    [Fact]
    public async Task A_permanent_refusal_fails_that_recipient_with_the_reply_kept()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        smtp.Refuse = n => n == 3 ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "no such user here") : null;
        var (ids, eligible, _) = EmailWorld.SeedCustomers(store, 20);
        using var world = new EmailWorld(store, EmailWorld.Smtp(smtp.Port, connections: 1), new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids));
        var (campaignId, runId) = await world.CampaignAsync();

        var outcome = await world.Get<SendEmailRun>().ExecuteAsync(runId, CancellationToken.None);

        Assert.Equal(1, outcome.Failed);
        var (lines, _) = await world.Get<EmailDeliveries>().PageAsync(campaignId, RecipientState.Failed, 0, 10, CancellationToken.None);
        var failed = Assert.Single(lines);
        Assert.Equal(RecipientReason.Refused, failed.Reason);
        Assert.Contains("550", failed.Reply);
        Assert.Contains("no such user here", failed.Reply);
        Assert.Equal(eligible.Count - 1, smtp.Mailbox.Count);
        Assert.DoesNotContain(smtp.Mailbox, m => m.To.Equals(failed.Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_server_killed_and_restarted_mid_campaign_sends_nobody_twice_and_accounts_for_everyone()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        var stopped = new TaskCompletionSource();
        smtp.OnMailFrom = n =>
        {
            if (n != 60) return;
            stopped.TrySetResult();
            throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "shutting down"), true);
        };
        var (ids, eligible, ineligible) = EmailWorld.SeedCustomers(store, 200);
        using var world = new EmailWorld(store, EmailWorld.Smtp(smtp.Port), new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids));
        var (campaignId, runId) = await world.CampaignAsync();

        var sending = world.Get<SendEmailRun>().ExecuteAsync(runId, CancellationToken.None);
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await smtp.StopAsync();
        var acceptedWhileUp = smtp.Mailbox.Count;
        await Task.Delay(400);
        await smtp.StartAsync();
        var outcome = await sending.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(SendEmailRun.Statuses.Finished, outcome.Status);
        Assert.InRange(acceptedWhileUp, 1, eligible.Count - 1);
        // The kill may cut a message whose body was on the wire, at most one per other connection: the server may or
        // may not hold it, so it is failed as interrupted and never resent. Everyone else has exactly one message.
        var (failed, _) = await world.Get<EmailDeliveries>().PageAsync(campaignId, RecipientState.Failed, 0, 10, CancellationToken.None);
        Assert.All(failed, f => Assert.Equal(RecipientReason.Interrupted, f.Reason));
        Assert.InRange(failed.Count, 0, 2);
        Assert.Equal(failed.Count, outcome.Failed);
        var cut = failed.Select(f => f.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var counts = smtp.CountByAddress();
        AssertExactlyOnce(smtp, eligible.Where(e => !cut.Contains(e)).ToHashSet(StringComparer.OrdinalIgnoreCase), ineligible);
        Assert.All(cut, e => Assert.True(counts.GetValueOrDefault(e) <= 1, $"{e} got more than one message"));
    }

    [Fact]
    public async Task Two_workers_sending_one_campaign_share_it_and_stay_within_the_shared_rate()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        var (ids, eligible, ineligible) = EmailWorld.SeedCustomers(store, 240);
        var segments = new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids);
        // A shared rate low enough that the campaign lasts seconds, so both workers are certain to be sending at once.
        using var first = new EmailWorld(store, EmailWorld.Smtp(smtp.Port, rate: 60), segments);
        using var second = new EmailWorld(store, EmailWorld.Smtp(smtp.Port, rate: 60), segments);
        var (campaignId, runId) = await first.CampaignAsync(holdoutPercent: 10);

        var both = await Task.WhenAll(first.Get<SendEmailRun>().ExecuteAsync(runId, CancellationToken.None),
            second.Get<SendEmailRun>().ExecuteAsync(runId, CancellationToken.None));

        Assert.All(both, o => Assert.Equal(SendEmailRun.Statuses.Finished, o.Status));
        var holdout = HoldoutAddresses(store, campaignId);
        Assert.NotEmpty(holdout);
        AssertExactlyOnce(smtp, eligible.Except(holdout).ToHashSet(StringComparer.OrdinalIgnoreCase), ineligible.Concat(holdout).ToHashSet());
        Assert.Equal(both.Sum(o => o.Sent), smtp.Mailbox.Count);
        using var connection = store.Db.Open();
        var busiest = connection.ExecuteScalar<long>("SELECT MAX(used) FROM email_rate_slots");
        Assert.InRange(busiest, 1, 60);
    }

    [Fact]
    public async Task Every_message_carries_one_click_unsubscribe_headers_and_a_message_id_from_its_row()
    {
        using var store = new TempStore();
        await using var smtp = await LoopbackSmtp.StartAsync();
        var (ids, eligible, _) = EmailWorld.SeedCustomers(store, 12);
        using var world = new EmailWorld(store, EmailWorld.Smtp(smtp.Port), new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids));
        var (campaignId, runId) = await world.CampaignAsync();

        await world.Get<SendEmailRun>().ExecuteAsync(runId, CancellationToken.None);

        Assert.Equal(eligible.Count, smtp.Mailbox.Count);
        using var connection = store.Db.Open();
        foreach (var m in smtp.Mailbox)
        {
            var row = connection.QuerySingle<(long Id, long CustomerId)>(
                """
                SELECT r.id, r.customer_id FROM email_recipients r JOIN customers c ON c.id = r.customer_id
                WHERE r.campaign_id = @campaignId AND c.email = @to
                """, new { campaignId, to = m.To });
            Assert.Equal($"<https://console.test/u/c{row.CustomerId}-e{campaignId}>", m.ListUnsubscribe);
            Assert.Equal("List-Unsubscribe=One-Click", m.ListUnsubscribePost);
            Assert.Equal($"<ec{campaignId}.r{row.Id}@campaign-console.local>", m.MessageId);
            Assert.StartsWith("Hello Customer", m.Subject);
        }
    }

    /// <summary>The holdout's addresses, opened: recipient rows keep them sealed.</summary>
    internal static IReadOnlySet<string> HoldoutAddresses(TempStore store, long campaignId)
    {
        using var connection = store.Db.Open();
        return connection.Query<string>("SELECT email FROM email_recipients WHERE campaign_id = @campaignId AND state = 'holdout' AND email IS NOT NULL",
            new { campaignId }).Select(e => store.PersonalData.Open(e)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    internal static void AssertExactlyOnce(LoopbackSmtp smtp, IReadOnlySet<string> eligible, IEnumerable<string> ineligible)
    {
        var counts = smtp.CountByAddress();
        var missing = eligible.Where(e => !counts.ContainsKey(e)).ToList();
        var twice = counts.Where(c => c.Value > 1).Select(c => $"{c.Key}×{c.Value}").ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} eligible recipients got nothing: {string.Join(", ", missing.Take(10))}");
        Assert.True(twice.Count == 0, $"{twice.Count} recipients got more than one message: {string.Join(", ", twice.Take(10))}");
        var wrong = ineligible.Where(counts.ContainsKey).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} ineligible recipients got mail: {string.Join(", ", wrong.Take(10))}");
    }
}
