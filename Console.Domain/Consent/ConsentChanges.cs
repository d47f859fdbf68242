using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Consent;

/// <summary>One change of a customer's email consent: what it became, when, from where, and the campaign an unsubscribe used.</summary>
public sealed record ConsentChange
{
    public long Id { get; init; }
    public bool OptIn { get; init; }
    public string Source { get; init; } = "";
    public long? EmailCampaignId { get; init; }
    public DateTime ChangedAt { get; init; }
}

/// <summary>
/// The consent history: written inside the unit that changes email_opt_in (so a change is never kept without its row),
/// read by the customer profile, a data export and the email results.
/// </summary>
public sealed class ConsentChanges(Db db)
{
    public const string InsertSql = """
        INSERT INTO consent_changes (customer_id, opt_in, source, email_campaign_id, changed_at)
        VALUES (@customerId, @optIn, @source, @emailCampaignId, @changedAt)
        """;

    /// <summary>Records one change in the caller's unit; call it only when the stored value really changed.</summary>
    public static Task RecordAsync(Statements s, long customerId, bool optIn, string source, long? emailCampaignId, DateTime changedAt,
        CancellationToken ct) =>
        s.ExecuteAsync(InsertSql, ct, ("customerId", customerId), ("optIn", optIn), ("source", source),
            ("emailCampaignId", emailCampaignId), ("changedAt", changedAt));

    /// <summary>A customer's changes, newest first.</summary>
    public async Task<IReadOnlyList<ConsentChange>> ForCustomerAsync(long customerId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ConsentChange>(new CommandDefinition(
            """
            SELECT id AS Id, opt_in AS OptIn, source AS Source, email_campaign_id AS EmailCampaignId, changed_at AS ChangedAt
            FROM consent_changes WHERE customer_id = @customerId
            ORDER BY id DESC
            """, new { customerId }, cancellationToken: ct))).ToList();
    }

    /// <summary>How many customers a campaign's unsubscribe link took off the list (one already off is not counted again).</summary>
    public async Task<long> UnsubscribesByCampaignAsync(long emailCampaignId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(DISTINCT customer_id) FROM consent_changes
            WHERE email_campaign_id = @emailCampaignId AND source = 'unsubscribe'
            """, new { emailCampaignId }, cancellationToken: ct));
    }

    /// <summary>The same count for every campaign that has any, for lists of campaigns.</summary>
    public async Task<IReadOnlyDictionary<long, long>> UnsubscribesByCampaignAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long, long)>(new CommandDefinition(
            """
            SELECT email_campaign_id, COUNT(DISTINCT customer_id) FROM consent_changes
            WHERE email_campaign_id IS NOT NULL AND source = 'unsubscribe'
            GROUP BY email_campaign_id
            """, cancellationToken: ct));
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }
}
