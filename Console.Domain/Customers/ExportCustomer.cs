using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Customers;

/// <summary>
/// Everything the store holds about one customer, as one document (PIPL and GDPR access): a section per place
/// <see cref="CustomerDataMap"/> lists, each with its rows, plus what the caller adds from computed sources.
/// </summary>
public sealed class ExportCustomer(Db db, PersonalData personal)
{
    public sealed record Export(long CustomerId, string ExternalId, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Sections);

    // One statement per section, each reading only the rows of @id, with names a reader understands instead of row ids;
    // money stays in fen, and its columns say so.
    private static readonly IReadOnlyDictionary<string, string> SectionSql = new Dictionary<string, string>
    {
        ["profile"] = """
            SELECT external_id, email, name, phone, city, source, email_opt_in, created_at, updated_at FROM customers WHERE id = @id
            """,
        ["events"] = """
            SELECT e.event_id, e.type, e.occurred_at, c.external_id AS course, s.external_id AS live_session, e.value
            FROM events e LEFT JOIN courses c ON c.id = e.course_id LEFT JOIN live_sessions s ON s.id = e.live_session_id
            WHERE e.customer_id = @id ORDER BY e.occurred_at, e.id
            """,
        ["orders"] = """
            SELECT o.order_id, c.external_id AS course, s.external_id AS live_session, o.channel, o.referral_code, o.list_price AS list_price_fen,
                   o.discount AS discount_fen, o.payable AS payable_fen, o.refunded AS refunded_fen, o.status, o.paid_at, a.via AS kol_attribution_via, k.name AS kol
            FROM orders o JOIN courses c ON c.id = o.course_id LEFT JOIN live_sessions s ON s.id = o.live_session_id
                LEFT JOIN order_attributions a ON a.order_id = o.id LEFT JOIN kols k ON k.id = a.kol_id
            WHERE o.customer_id = @id ORDER BY o.paid_at, o.id
            """,
        ["refunds"] = """
            SELECT o.order_id, r.amount AS amount_fen, r.reason, r.refunded_at
            FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.customer_id = @id ORDER BY r.refunded_at, r.id
            """,
        ["couponRedemptions"] = """
            SELECT cc.name AS campaign, o.order_id, r.amount AS amount_fen, r.redeemed_at, r.reversed_at
            FROM coupon_redemptions r JOIN coupon_campaigns cc ON cc.id = r.campaign_id LEFT JOIN orders o ON o.id = r.order_id
            WHERE r.customer_id = @id ORDER BY r.redeemed_at, r.id
            """,
        ["couponAudiences"] = """
            SELECT cc.name AS campaign FROM coupon_campaign_customers x JOIN coupon_campaigns cc ON cc.id = x.campaign_id
            WHERE x.customer_id = @id ORDER BY cc.id
            """,
        ["groupBuyTeamsLed"] = """
            SELECT t.id AS team, g.name AS campaign, t.state, t.size, t.members, t.opened_at, t.closed_at
            FROM group_buy_teams t JOIN group_buy_campaigns g ON g.id = t.campaign_id WHERE t.leader_customer_id = @id ORDER BY t.id
            """,
        ["groupBuyMemberships"] = """
            SELECT m.team_id AS team, m.is_leader, m.joined_at, o.order_id
            FROM group_buy_members m LEFT JOIN orders o ON o.id = m.order_id WHERE m.customer_id = @id ORDER BY m.id
            """,
        ["kolAccounts"] = """
            SELECT external_id, name, platform, status FROM kols WHERE customer_id = @id ORDER BY id
            """,
        ["kolClicks"] = """
            SELECT c.click_id, l.code AS link, c.clicked_at, x.seen_at, c.referrer
            FROM kol_click_customers x JOIN kol_clicks c ON c.id = x.click_id JOIN kol_links l ON l.id = c.link_id
            WHERE x.customer_id = @id ORDER BY c.clicked_at, c.id
            """,
        ["experimentAssignments"] = """
            SELECT e.experiment_key AS experiment, v.variant_key AS variant, x.exposed_at
            FROM experiment_exposures x JOIN experiments e ON e.id = x.experiment_id JOIN experiment_variants v ON v.id = x.variant_id
            WHERE x.customer_id = @id ORDER BY x.exposed_at, x.id
            """,
        ["surveyLinks"] = """
            SELECT s.name AS survey, l.created_at FROM survey_links l JOIN surveys s ON s.id = l.survey_id WHERE l.customer_id = @id ORDER BY l.id
            """,
        ["surveyAnswers"] = """
            SELECT s.name AS survey, r.response_id, r.answers_json AS answers, r.nps_score, r.csat_score, r.sentiment, r.submitted_at
            FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE r.customer_id = @id ORDER BY r.submitted_at, r.id
            """,
        ["consentHistory"] = """
            SELECT opt_in, source, email_campaign_id, changed_at FROM consent_changes WHERE customer_id = @id ORDER BY id
            """,
        ["storedPropensity"] = """
            SELECT probability, model_id, scored_at FROM segment_propensity WHERE customer_id = @id
            """,
        ["emailDeliveries"] = """
            SELECT c.name AS campaign, r.email, r.state, r.reason, r.sent_at, r.coupon_code
            FROM email_recipients r JOIN email_campaigns c ON c.id = r.campaign_id WHERE r.customer_id = @id ORDER BY r.id
            """,
        ["emailCoupons"] = """
            SELECT cc.name AS coupon_campaign, k.code, x.issued_at
            FROM email_coupon_codes x JOIN coupon_campaigns cc ON cc.id = x.coupon_campaign_id JOIN coupon_codes k ON k.id = x.code_id
            WHERE x.customer_id = @id ORDER BY x.issued_at
            """,
    };

    /// <summary>The sections the export holds, in order: every section of the data map, and refunds beside the orders.</summary>
    public static IEnumerable<string> Sections => SectionSql.Keys;

    public async Task<Export?> ExecuteAsync(string externalId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM customers WHERE external_id = @externalId", new { externalId }, cancellationToken: ct));
        if (id is null) return null;
        var sections = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>();
        foreach (var (section, sql) in SectionSql)
        {
            var rows = await connection.QueryAsync(new CommandDefinition(sql, new { id }, cancellationToken: ct));
            sections[section] = rows.Cast<IDictionary<string, object?>>().Select(Opened).ToList();
        }
        return new Export(id.Value, externalId, sections);
    }

    // The customer is owed their address and number as they gave them, not the sealed form the store keeps.
    private IReadOnlyDictionary<string, object?> Opened(IDictionary<string, object?> row)
    {
        var copy = new Dictionary<string, object?>(row);
        foreach (var column in SealedColumns)
            if (copy.TryGetValue(column, out var value) && value is string stored) copy[column] = personal.Open(stored);
        return copy;
    }

    private static readonly string[] SealedColumns = ["email", "phone"];
}
