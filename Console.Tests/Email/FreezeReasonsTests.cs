using Console.Domain.Email;
using Dapper;

namespace Console.Tests.Email;

public sealed class FreezeReasonsTests
{
    [Fact]
    public async Task A_customer_whose_latest_consent_change_is_an_unsubscribe_is_skipped_as_unsubscribed_not_as_no_consent()
    {
        using var store = new TempStore();
        var (ids, _, _) = EmailWorld.SeedCustomers(store, 20);
        // Customers 1 and 11 never opted in; 11 once did and then unsubscribed, and 1 unsubscribed before opting in again and out by import.
        using (var connection = store.Db.Open())
            connection.Execute(
                """
                INSERT INTO consent_changes (customer_id, opt_in, source, changed_at) VALUES (@eleven, 0, 'unsubscribe', @now);
                INSERT INTO consent_changes (customer_id, opt_in, source, changed_at) VALUES (@one, 0, 'unsubscribe', @now);
                INSERT INTO consent_changes (customer_id, opt_in, source, changed_at) VALUES (@one, 1, 'import', @now);
                INSERT INTO consent_changes (customer_id, opt_in, source, changed_at) VALUES (@one, 0, 'import', @now);
                """, new { one = ids[0], eleven = ids[10], now = DateTime.UtcNow });
        using var world = new EmailWorld(store, EmailWorld.Smtp(1), new FixedSegmentMembers().Add(EmailWorld.SegmentId, ids));

        var (campaignId, _) = await world.CampaignAsync();

        var counts = (await world.Get<GetEmailCampaign>().FindAsync(campaignId, CancellationToken.None))!.Counts;
        Assert.Equal(1, counts.Skipped[RecipientReason.Unsubscribed]);
        Assert.Equal(1, counts.Skipped[RecipientReason.NoConsent]);
    }
}
