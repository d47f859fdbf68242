using System.Data.Common;
using Dapper;

namespace Console.Domain.Data.Demo;

/// <summary>
/// One sent email campaign ten days before the demo's end, to the "All customers" segment as it stood then (every
/// customer created by that time), with a 10 % holdout: delivery rows as the sender would have left them (sent, a few
/// refused, skipped for no address or no consent), so the campaign page shows counts, a delivery log and results
/// measured on the demo's own orders.
/// </summary>
internal static class DemoEmail
{
    private const string CampaignSql =
        """
        INSERT INTO email_campaigns (name, segment_id, subject, html, status, holdout_percent, started_at, finished_at, created_at, updated_at)
        SELECT 'Reminder: courses you looked at', (SELECT MIN(id) FROM segments WHERE name = @segment), '{{ customer.first_name }}, your courses are waiting',
                '<p>Hello {{ customer.name }},</p><p>The courses you looked at are still open.</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
                'sent', 10, @sentAt, @finishedAt, @createdAt, @finishedAt
        """;

    private const string RunSql =
        """
        INSERT INTO email_runs (campaign_id, run_key, status, created_at, finished_at)
        SELECT MAX(id), 'once', 'sent', @sentAt, @finishedAt FROM email_campaigns
        """;

    // Every tenth customer is held out; one in 97 of the rest is refused by the server.
    private const string RecipientsSql =
        """
        INSERT INTO email_recipients (run_id, campaign_id, customer_id, email, state, reason, attempts, next_attempt_at, sent_at, reply, updated_at)
        SELECT r.id, r.campaign_id, c.id, c.email,
               CASE WHEN c.id % 10 = 3 THEN 'holdout' WHEN c.email IS NULL OR c.email_opt_in = 0 THEN 'skipped'
                    WHEN c.id % 97 = 5 THEN 'failed' ELSE 'sent' END,
               CASE WHEN c.id % 10 = 3 THEN NULL WHEN c.email IS NULL THEN 'no_email' WHEN c.email_opt_in = 0 THEN 'no_consent'
                    WHEN c.id % 97 = 5 THEN 'refused' ELSE NULL END,
               CASE WHEN c.id % 10 = 3 OR c.email IS NULL OR c.email_opt_in = 0 THEN 0 ELSE 1 END,
               @sentAt,
               CASE WHEN c.id % 10 = 3 OR c.email IS NULL OR c.email_opt_in = 0 OR c.id % 97 = 5 THEN NULL ELSE @sentAt END,
               CASE WHEN c.id % 10 = 3 OR c.email IS NULL OR c.email_opt_in = 0 THEN NULL
                    WHEN c.id % 97 = 5 THEN '550 5.1.1 mailbox unavailable' ELSE '250 2.0.0 OK' END,
               @finishedAt
        FROM customers c
        CROSS JOIN (SELECT MAX(id) AS id, MAX(campaign_id) AS campaign_id FROM email_runs) r
        WHERE c.created_at <= @sentAt
        """;

    public static void Write(DbConnection connection, DbTransaction tx, DemoCalendar calendar)
    {
        var sentAt = DemoRandom.Seconds(calendar.EndUtc.AddDays(-10));
        var args = new { sentAt, finishedAt = sentAt.AddMinutes(4), createdAt = sentAt.AddDays(-1), segment = DemoSegments.AllCustomers };
        connection.Execute(CampaignSql, args, tx);
        connection.Execute(RunSql, args, tx);
        connection.Execute(RecipientsSql, args, tx);
    }
}
