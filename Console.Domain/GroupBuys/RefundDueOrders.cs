using Console.Domain.Data;
using CsvHelper;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>An order whose team failed: the customer paid and is owed the rest of it back (fen).</summary>
public sealed record RefundDueOrder
{
    public string OrderId { get; init; } = "";
    public string CustomerExternalId { get; init; } = "";
    public string? CustomerName { get; init; }
    public long TeamId { get; init; }
    public long Payable { get; init; }
    public long Refunded { get; init; }
    public DateTime PaidAt { get; init; }
    public DateTime? TeamFailedAt { get; init; }
    public long Owed => Payable - Refunded;
}

public sealed record RefundDuePage(IReadOnlyList<RefundDueOrder> Rows, long Total, long TotalOwed);

/// <summary>
/// The orders of a group-buy campaign's failed teams not yet refunded in full, oldest first: a page for the console, all
/// of them as CSV. Chosen by team and money rather than by status, since a part refund turns refund_due into partially_refunded.
/// </summary>
public sealed class RefundDueOrders(Db db)
{
    public async Task<RefundDuePage> PageAsync(long campaignId, int skip, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { campaignId, skip, take };
        var (total, owed) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            """
            SELECT COUNT(*), COALESCE(SUM(o.payable - o.refunded), 0)
            FROM group_buy_members m JOIN group_buy_teams t ON t.id = m.team_id JOIN orders o ON o.id = m.order_id
            WHERE t.campaign_id = @campaignId AND t.state = 'failed' AND o.refunded < o.payable
            """, args, cancellationToken: ct));
        var rows = await connection.QueryAsync<RefundDueOrder>(new CommandDefinition(PageSql.For(db.Dialect), args, cancellationToken: ct));
        return new RefundDuePage(rows.ToList(), total, owed);
    }

    private static readonly DialectSql PageSql = new(d =>
        $"""
        SELECT o.order_id AS OrderId, cu.external_id AS CustomerExternalId, cu.name AS CustomerName, t.id AS TeamId, o.payable, o.refunded,
               o.paid_at AS PaidAt, t.closed_at AS TeamFailedAt
        FROM group_buy_members m JOIN group_buy_teams t ON t.id = m.team_id JOIN orders o ON o.id = m.order_id
             JOIN customers cu ON cu.id = o.customer_id
        WHERE t.campaign_id = @campaignId AND t.state = 'failed' AND o.refunded < o.payable
        ORDER BY o.paid_at, o.id {PageFragment.For(d)}
        """);

    /// <summary>order_id, customer, team, owed (yuan, invariant), paid_at and team_failed_at (UTC, ISO-8601).</summary>
    public async Task<string> CsvAsync(long campaignId, CancellationToken ct = default)
    {
        var page = await PageAsync(campaignId, 0, int.MaxValue, ct);
        return CsvText.Write(page.Rows.Select(r => new RefundDueLine
        {
            OrderId = r.OrderId, CustomerExternalId = r.CustomerExternalId, TeamId = r.TeamId, Owed = r.Owed, PaidAt = r.PaidAt,
            TeamFailedAt = r.TeamFailedAt,
        }));
    }
}

/// <summary>A line of the refund-due export, which the payment system reads; client ids are quoted when they need it.</summary>
[CsvRecord, CsvOptions(NewLine = "\n", Culture = "")]
public sealed partial record RefundDueLine
{
    private const string Utc = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    [CsvColumn("order_id")] public string OrderId { get; init; } = "";
    [CsvColumn("customer_external_id")] public string CustomerExternalId { get; init; } = "";
    [CsvColumn("team_id")] public long TeamId { get; init; }
    [CsvColumn("owed"), CsvConverter(typeof(YuanCsv))] public long Owed { get; init; }
    [CsvColumn("paid_at"), CsvFormat(Utc)] public DateTime PaidAt { get; init; }
    [CsvColumn("team_failed_at"), CsvFormat(Utc)] public DateTime? TeamFailedAt { get; init; }
}
