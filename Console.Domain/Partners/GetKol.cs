using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>A KOL with its codes, links, contracts, linked coupon campaigns and month-to-date figures; null when unknown.</summary>
public sealed class GetKol(Db db, BusinessTime time, TimeProvider clock, PersonalData personal)
{
    public const string KolColumns =
        """
        k.id, k.external_id AS ExternalId, k.name, k.platform, k.handle, k.email, k.phone, cu.external_id AS CustomerExternalId,
        k.status, k.created_at AS CreatedAt, k.updated_at AS UpdatedAt
        """;

    private sealed record ContractRow(long Id, DateTime StartsAt, DateTime? EndsAt, string RateKind, long RateValue,
        long FixedFee, long AttributionWindowDays, long HoldingDays, string Binding);

    public async Task<KolDetail?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var kol = await c.QuerySingleOrDefaultAsync<Kol>(new CommandDefinition(
            $"SELECT {KolColumns} FROM kols k LEFT JOIN customers cu ON cu.id = k.customer_id WHERE k.id = @id", new { id }, cancellationToken: ct));
        if (kol is null) return null;
        kol = kol with { Email = personal.Open(kol.Email), Phone = personal.Open(kol.Phone) };
        var codes = await c.QueryAsync<KolCode>(new CommandDefinition(
            "SELECT code, created_at AS CreatedAt FROM kol_codes WHERE kol_id = @id ORDER BY id", new { id }, cancellationToken: ct));
        var links = await c.QueryAsync<KolLink>(new CommandDefinition(
            """
            SELECT l.id, l.code, l.destination_url AS DestinationUrl, co.external_id AS CourseExternalId,
                   ls.external_id AS LiveSessionExternalId, l.label, l.status,
                   (SELECT COUNT(*) FROM kol_clicks cl WHERE cl.link_id = l.id) AS Clicks, l.created_at AS CreatedAt
            FROM kol_links l
            LEFT JOIN courses co ON co.id = l.course_id
            LEFT JOIN live_sessions ls ON ls.id = l.live_session_id
            WHERE l.kol_id = @id ORDER BY l.id
            """, new { id }, cancellationToken: ct));
        var contracts = await ContractsAsync(c, null, id, ct);
        var campaigns = await c.QueryAsync<long>(new CommandDefinition(
            "SELECT campaign_id FROM kol_coupon_campaigns WHERE kol_id = @id ORDER BY campaign_id", new { id }, cancellationToken: ct));
        var month = BusinessMonth.Of(time, clock.GetUtcNow().UtcDateTime);
        var figures = await FiguresAsync(c, id, BusinessMonth.StartUtc(time, month), BusinessMonth.EndUtc(time, month), ct);
        return new KolDetail(kol, codes.ToList(), links.ToList(), contracts, campaigns.ToList(), figures);
    }

    public static async Task<IReadOnlyList<Contract>> ContractsAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction? tx,
        long kolId, CancellationToken ct)
    {
        var rows = (await c.QueryAsync<ContractRow>(new CommandDefinition(
            """
            SELECT id, starts_at AS StartsAt, ends_at AS EndsAt, rate_kind AS RateKind, rate_value AS RateValue,
                   fixed_fee AS FixedFee, attribution_window_days AS AttributionWindowDays, holding_days AS HoldingDays, binding
            FROM kol_contracts WHERE kol_id = @kolId ORDER BY starts_at
            """, new { kolId }, tx, cancellationToken: ct))).ToList();
        var result = new List<Contract>(rows.Count);
        foreach (var r in rows)
        {
            var tiers = await c.QueryAsync<Tier>(new CommandDefinition(
                "SELECT from_monthly_net AS FromMonthlyNet, value FROM kol_contract_tiers WHERE contract_id = @Id ORDER BY from_monthly_net",
                new { r.Id }, tx, cancellationToken: ct));
            var courseRates = await c.QueryAsync<CourseRate>(new CommandDefinition(
                """
                SELECT co.external_id AS CourseExternalId, r.kind, r.value
                FROM kol_contract_course_rates r JOIN courses co ON co.id = r.course_id
                WHERE r.contract_id = @Id ORDER BY co.external_id
                """, new { r.Id }, tx, cancellationToken: ct));
            result.Add(new Contract(r.Id, r.StartsAt, r.EndsAt, new Rate(r.RateKind, r.RateValue), tiers.ToList(),
                courseRates.ToList(), r.FixedFee, (int)r.AttributionWindowDays, (int)r.HoldingDays, r.Binding));
        }
        return result;
    }

    public static async Task<KolFigures> FiguresAsync(System.Data.Common.DbConnection c, long kolId, DateTime fromUtc, DateTime toUtc,
        CancellationToken ct) =>
        await c.QuerySingleAsync<KolFigures>(new CommandDefinition(
            """
            SELECT (SELECT COUNT(*) FROM kol_clicks WHERE kol_id = @kolId AND clicked_at >= @fromUtc AND clicked_at < @toUtc) AS Clicks,
                   (SELECT COUNT(*) FROM order_attributions a WHERE a.kol_id = @kolId AND a.paid_at >= @fromUtc AND a.paid_at < @toUtc) AS Orders,
                   (SELECT COALESCE(SUM(o.payable), 0) FROM order_attributions a JOIN orders o ON o.id = a.order_id
                    WHERE a.kol_id = @kolId AND a.paid_at >= @fromUtc AND a.paid_at < @toUtc) AS Gmv,
                   (SELECT COALESCE(SUM(o.payable - o.refunded), 0) FROM order_attributions a JOIN orders o ON o.id = a.order_id
                    WHERE a.kol_id = @kolId AND a.paid_at >= @fromUtc AND a.paid_at < @toUtc) AS NetRevenue,
                   (SELECT COALESCE(SUM(l.amount), 0) FROM kol_commissions l JOIN order_attributions a ON a.order_id = l.order_id
                    WHERE l.kol_id = @kolId AND a.paid_at >= @fromUtc AND a.paid_at < @toUtc)
                   + (SELECT COALESCE(SUM(a.line_amount), 0) FROM order_attributions a
                      WHERE a.kol_id = @kolId AND a.line_amount IS NOT NULL AND a.paid_at >= @fromUtc AND a.paid_at < @toUtc) AS Commission
            """, new { kolId, fromUtc, toUtc }, cancellationToken: ct));
}
