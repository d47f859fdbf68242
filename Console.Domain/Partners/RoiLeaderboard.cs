using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>
/// One KOL's figures over a period, in fen: orders are those attributed and paid in the period, whatever happened to them
/// later (refunds count against them); commission is every line of those orders, written or still waiting on the
/// attribution; the fee is that of contracts starting in the period. ROI = (net − commission − fee) / (commission + fee),
/// null when nothing was spent.
/// </summary>
public sealed record KolRoi(long KolId, string ExternalId, string Name, string Platform, string Status, long Clicks, long Orders, long Gmv,
    long NetRevenue, long Commission, long Fee, long NewCustomerOrders)
{
    public decimal RefundRate => Gmv == 0 ? 0 : (decimal)(Gmv - NetRevenue) / Gmv;
    public decimal NewCustomerShare => Orders == 0 ? 0 : (decimal)NewCustomerOrders / Orders;
    public decimal? Roi => checked(Commission + Fee) == 0 ? null : (decimal)checked(NetRevenue - Commission - Fee) / checked(Commission + Fee);
}

/// <summary>The same figures for a live session a KOL hosted: the orders attributed through it.</summary>
public sealed record SessionRoi
{
    public string LiveSessionExternalId { get; init; } = "";
    public string Title { get; init; } = "";
    public long KolId { get; init; }
    public string KolName { get; init; } = "";
    public long Orders { get; init; }
    public long Gmv { get; init; }
    public long NetRevenue { get; init; }
    public long Commission { get; init; }
}

/// <summary>Every KOL's figures over [from, to), optionally only those whose name, handle or externalId contains the search.</summary>
public sealed class RoiLeaderboard(Db db)
{
    private sealed record Sums
    {
        public long KolId { get; init; }
        public long Orders { get; init; }
        public long Gmv { get; init; }
        public long NetRevenue { get; init; }
        public long NewCustomerOrders { get; init; }
    }

    public async Task<IReadOnlyList<KolRoi>> ForPeriodAsync(DateTime fromUtc, DateTime toUtc, string? search = null, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var like = Customers.Like.Contains(search);
        var kols = await c.QueryAsync<(long Id, string ExternalId, string Name, string Platform, string Status)>(new CommandDefinition(
            """
            SELECT id, external_id, name, platform, status FROM kols
            WHERE @like IS NULL OR LOWER(name) LIKE @like ESCAPE '\' OR LOWER(COALESCE(handle, '')) LIKE @like ESCAPE '\'
               OR LOWER(external_id) LIKE @like ESCAPE '\'
            ORDER BY name, id
            """, new { like }, cancellationToken: ct));
        var args = new { fromUtc, toUtc };
        var clicks = (await c.QueryAsync<KolAmount>(new CommandDefinition(
            "SELECT kol_id AS KolId, COUNT(*) AS Amount FROM kol_clicks WHERE clicked_at >= @fromUtc AND clicked_at < @toUtc GROUP BY kol_id",
            args, cancellationToken: ct))).ToDictionary(r => r.KolId, r => r.Amount);
        var sums = (await c.QueryAsync<Sums>(new CommandDefinition(
            """
            SELECT a.kol_id AS KolId, COUNT(*) AS Orders, COALESCE(SUM(o.payable), 0) AS Gmv,
                   COALESCE(SUM(o.payable - o.refunded), 0) AS NetRevenue,
                   SUM(CASE WHEN o.paid_at <= f.first_paid THEN 1 ELSE 0 END) AS NewCustomerOrders
            FROM order_attributions a
            JOIN orders o ON o.id = a.order_id
            JOIN (SELECT customer_id, MIN(paid_at) AS first_paid FROM orders GROUP BY customer_id) f ON f.customer_id = o.customer_id
            WHERE a.paid_at >= @fromUtc AND a.paid_at < @toUtc
            GROUP BY a.kol_id
            """, args, cancellationToken: ct))).ToDictionary(s => s.KolId);
        var commission = (await c.QueryAsync<KolAmount>(new CommandDefinition(
            """
            SELECT KolId, SUM(Amount) AS Amount FROM (
                SELECT l.kol_id AS KolId, l.amount AS Amount FROM kol_commissions l JOIN order_attributions a ON a.order_id = l.order_id
                WHERE a.paid_at >= @fromUtc AND a.paid_at < @toUtc
                UNION ALL
                SELECT a.kol_id, a.line_amount FROM order_attributions a
                WHERE a.line_amount IS NOT NULL AND a.paid_at >= @fromUtc AND a.paid_at < @toUtc) lines
            GROUP BY KolId
            """, args, cancellationToken: ct))).ToDictionary(r => r.KolId, r => r.Amount);
        var fees = (await c.QueryAsync<KolAmount>(new CommandDefinition(
            "SELECT kol_id AS KolId, SUM(fixed_fee) AS Amount FROM kol_contracts WHERE starts_at >= @fromUtc AND starts_at < @toUtc GROUP BY kol_id",
            args, cancellationToken: ct))).ToDictionary(r => r.KolId, r => r.Amount);
        return kols.Select(k =>
        {
            var s = sums.GetValueOrDefault(k.Id) ?? new Sums { KolId = k.Id };
            return new KolRoi(k.Id, k.ExternalId, k.Name, k.Platform, k.Status, clicks.GetValueOrDefault(k.Id), s.Orders, s.Gmv, s.NetRevenue,
                commission.GetValueOrDefault(k.Id), fees.GetValueOrDefault(k.Id), s.NewCustomerOrders);
        }).ToList();
    }

    public async Task<IReadOnlyList<SessionRoi>> SessionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<SessionRoi>(new CommandDefinition(
            """
            SELECT ls.external_id AS LiveSessionExternalId, ls.title, k.id AS KolId, k.name AS KolName, COUNT(*) AS Orders,
                   COALESCE(SUM(o.payable), 0) AS Gmv, COALESCE(SUM(o.payable - o.refunded), 0) AS NetRevenue,
                   COALESCE(SUM(l.amount), 0) + COALESCE(SUM(a.line_amount), 0) AS Commission
            FROM order_attributions a
            JOIN orders o ON o.id = a.order_id
            LEFT JOIN (SELECT order_id, SUM(amount) AS amount FROM kol_commissions GROUP BY order_id) l ON l.order_id = o.id
            JOIN live_sessions ls ON ls.id = o.live_session_id
            JOIN kols k ON k.id = a.kol_id
            WHERE a.via = 'live_session' AND a.paid_at >= @fromUtc AND a.paid_at < @toUtc
            GROUP BY ls.external_id, ls.title, k.id, k.name
            ORDER BY NetRevenue DESC, ls.external_id
            """, new { fromUtc, toUtc }, cancellationToken: ct));
        return rows.ToList();
    }
}
