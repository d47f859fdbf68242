using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>One signal a KOL tripped, with how often; shown to a Manager, who decides whether to hold its lines.</summary>
public sealed record FraudSignal(string Kind, long Count, string Detail);

/// <summary>
/// The fraud signals of API.md for one KOL: self_referral (its own customer account bought through it), refund_heavy
/// (refunded share of attributed sales over Partners:RefundRateFlag, with enough orders to mean something), click_burst
/// (more clicks from one hashed address in one clock hour than Partners:ClickBurst) and instant_orders (paid within
/// seconds of the click). They are computed when read, never applied by themselves.
/// </summary>
public sealed class FraudSignals(Db db, PartnersOptions options)
{
    public async Task<IReadOnlyList<FraudSignal>> ForKolAsync(long kolId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var signals = new List<FraudSignal>();
        var self = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM order_attributions WHERE kol_id = @kolId AND self_referral = 1", new { kolId }, cancellationToken: ct));
        if (self > 0) signals.Add(new FraudSignal(FraudSignalKinds.SelfReferral, self, ""));
        var (orders, payable, refunded) = await c.QuerySingleAsync<(long, long, long)>(new CommandDefinition(
            """
            SELECT COUNT(*), COALESCE(SUM(o.payable), 0), COALESCE(SUM(o.refunded), 0)
            FROM order_attributions a JOIN orders o ON o.id = a.order_id WHERE a.kol_id = @kolId
            """, new { kolId }, cancellationToken: ct));
        if (orders >= options.RefundFlagMinOrders && payable > 0 && (decimal)refunded / payable > options.RefundRateFlag)
            signals.Add(new FraudSignal(FraudSignalKinds.RefundHeavy, orders,
                ((decimal)refunded / payable).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)));
        var burst = await c.ExecuteScalarAsync<long?>(new CommandDefinition(BurstSql.For(db.Dialect), new { kolId }, cancellationToken: ct)) ?? 0;
        if (burst > options.ClickBurst) signals.Add(new FraudSignal(FraudSignalKinds.ClickBurst, burst, ""));
        var gaps = await c.QueryAsync<(DateTime PaidAt, DateTime ClickedAt)>(new CommandDefinition(
            """
            SELECT a.paid_at, cl.clicked_at FROM order_attributions a JOIN kol_clicks cl ON cl.id = a.click_id
            WHERE a.kol_id = @kolId AND a.via = 'link'
            """, new { kolId }, cancellationToken: ct));
        var instant = gaps.Count(g => (g.PaidAt - g.ClickedAt).TotalSeconds is >= 0 and var s && s < options.InstantOrderSeconds);
        if (instant > 0) signals.Add(new FraudSignal(FraudSignalKinds.InstantOrders, instant, ""));
        return signals;
    }

    // The most clicks one hashed address made on this KOL's links within one clock hour.
    private static readonly DialectSql BurstSql = new(d =>
        $"""
        SELECT MAX(n) FROM (
            SELECT COUNT(*) AS n FROM kol_clicks
            WHERE kol_id = @kolId AND ip_hash IS NOT NULL
            GROUP BY ip_hash, {(d == Dialect.Sqlite ? "substr(clicked_at, 1, 13)" : "CONVERT(char(13), clicked_at, 126)")}) bursts
        """);
}
