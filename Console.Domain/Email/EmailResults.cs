using Console.Domain.Data;

namespace Console.Domain.Email;

/// <summary>Orders placed within 7 days by one group of a campaign: the customers who were sent it, or the holdout.</summary>
public sealed record GroupOrders(long Customers, long Buyers, long Orders, long NetRevenue, long CouponOrders)
{
    public double Conversion => Customers == 0 ? 0 : (double)Buyers / Customers;
}

/// <summary>
/// A campaign's results: sent, failed and skipped by reason, and what recipients bought within 7 days of their message
/// (and with the campaign's coupon), net of refunds, against the holdout over 7 days from the run's start, and the
/// unsubscribes the consent pages credited to the campaign.
/// </summary>
public sealed record EmailResultsView(EmailCounts Counts, GroupOrders Recipients, GroupOrders Holdout, long? Unsubscribes)
{
    /// <summary>Conversion of recipients minus that of the holdout, in percentage points.</summary>
    public double UpliftPoints => (Recipients.Conversion - Holdout.Conversion) * 100;
}

public sealed class EmailResults(StatementRunner runner, GetEmailCampaign campaigns, Consent.ConsentChanges consent)
{
    private sealed record Row
    {
        public long Customers { get; init; }
        public long? Buyers { get; init; }
        public long? Orders { get; init; }
        public long? NetRevenue { get; init; }
        public long? CouponOrders { get; init; }
    }

    // Each member's window opens when their message was accepted (or, for the holdout, when the run began).
    private static readonly DialectSql GroupSql = new(d =>
        $"""
        SELECT (SELECT COUNT(*) FROM email_recipients g WHERE g.campaign_id = @id AND g.state = @state) AS Customers,
               COUNT(DISTINCT o.customer_id) AS Buyers, COUNT(o.id) AS Orders, SUM(o.payable - o.refunded) AS NetRevenue,
               SUM(CASE WHEN EXISTS (SELECT 1 FROM order_discounts x WHERE x.order_id = o.id AND x.campaign_id = @couponId) THEN 1 ELSE 0 END) AS CouponOrders
        FROM email_recipients r
        JOIN email_runs u ON u.id = r.run_id
        JOIN orders o ON o.customer_id = r.customer_id
                     AND o.paid_at >= COALESCE(r.sent_at, u.created_at)
                     AND o.paid_at < {SevenDaysAfter(d, "COALESCE(r.sent_at, u.created_at)")}
        WHERE r.campaign_id = @id AND r.state = @state
        """);

    private static string SevenDaysAfter(Dialect d, string time) => d == Dialect.Sqlite
        ? $"strftime('%Y-%m-%d %H:%M:%f', {time}, '+7 days')"
        : $"DATEADD(day, 7, {time})";

    public async Task<EmailResultsView?> ForAsync(long id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(id, ct) is not { } view) return null;
        await using var read = await runner.ReadAsync(ct);
        async Task<GroupOrders> GroupAsync(string state)
        {
            var row = await read.SingleOrDefaultAsync<Row>(GroupSql.For(read.Dialect), ct, ("id", id), ("state", state),
                ("couponId", view.Campaign.CouponCampaignId ?? -1));
            return new GroupOrders(row?.Customers ?? 0, row?.Buyers ?? 0, row?.Orders ?? 0, checked(row?.NetRevenue ?? 0), row?.CouponOrders ?? 0);
        }
        var sent = await GroupAsync(RecipientState.Sent);
        var holdout = await GroupAsync(RecipientState.Holdout);
        return new EmailResultsView(view.Counts, sent, holdout, await consent.UnsubscribesByCampaignAsync(id, ct));
    }
}
