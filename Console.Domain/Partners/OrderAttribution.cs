using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>A click an order or event names, as stored.</summary>
public sealed record ClickRow(long Id, string ClickId, long KolId, DateTime ClickedAt);

/// <summary>The order facts attribution needs, inside the order's own transaction.</summary>
internal sealed record AttributionRequest(long OrderRowId, long CustomerId, bool CustomerWasKnown, long CourseId, long? LiveSessionId,
    IReadOnlyList<string> Codes, ClickRow? Click, DateTime PaidAt, long Payable);

/// <summary>
/// Decides once, as an order is stored, which KOL it is attributed to (API.md "Partners"): a code (a KOL code, or a code of a
/// coupon campaign linked to a KOL) wins; then a click within its contract's window (the first click when that contract
/// binds first-touch, else the order's own click, else the latest); then the live session the order names, when its host
/// is a KOL. Only an active KOL with a contract running when the order was paid can win. A KOL's own purchase is
/// attributed but flagged and earns nothing. The attribution is written in the order's transaction, carrying the pending
/// commission line's amount, rate and release time until <see cref="PendingLines"/> writes the line into the ledger.
/// </summary>
public sealed class OrderAttribution(BusinessTime time, KolCodeTerms codes)
{
    /// <summary>The longest window a contract may set: no older click can count.</summary>
    private static readonly TimeSpan Oldest = TimeSpan.FromDays(ContractSpec.MaxDays);

    internal sealed record Terms(long KolId, long? KolCustomerId, long ContractId, string RateKind, long RateValue, long WindowDays,
        long HoldingDays, string Binding, string? CourseRateKind, long? CourseRateValue)
    {
        public Rate Rate => CourseRateKind is { } kind ? new Rate(kind, CourseRateValue!.Value) : new Rate(RateKind, RateValue);
    }

    private const string TermsColumns =
        """
        SELECT k.id AS KolId, k.customer_id AS KolCustomerId, c.id AS ContractId, c.rate_kind AS RateKind, c.rate_value AS RateValue,
               c.attribution_window_days AS WindowDays, c.holding_days AS HoldingDays, c.binding, r.kind AS CourseRateKind,
               r.value AS CourseRateValue
        FROM kols k
        JOIN kol_contracts c ON c.kol_id = k.id AND c.starts_at <= @paidAt AND (c.ends_at IS NULL OR c.ends_at > @paidAt)
        LEFT JOIN kol_contract_course_rates r ON r.contract_id = c.id AND r.course_id = @courseId
        """;

    private const string ByKolSql = TermsColumns + "\nWHERE k.status = 'active' AND k.id = @kolId";

    private const string ByHostSql = TermsColumns +
        """

        WHERE k.status = 'active' AND k.external_id = (SELECT host FROM live_sessions WHERE id = @sessionId)
        """;

    private const string CustomerClicksSql =
        """
        SELECT cl.id, cl.click_id AS ClickId, cl.kol_id AS KolId, cl.clicked_at AS ClickedAt
        FROM kol_click_customers kc JOIN kol_clicks cl ON cl.id = kc.click_id
        WHERE kc.customer_id = @customerId AND cl.clicked_at <= @paidAt AND cl.clicked_at >= @oldest
        ORDER BY cl.clicked_at, cl.id
        """;

    public static Task<ClickRow?> FindClickAsync(Statements run, string clickId, CancellationToken ct) =>
        run.SingleOrDefaultAsync<ClickRow>(
            "SELECT id, click_id AS ClickId, kol_id AS KolId, clicked_at AS ClickedAt FROM kol_clicks WHERE click_id = @clickId", ct,
            ("clickId", clickId));

    internal async Task<Attribution?> DecideAsync(Statements run, AttributionRequest order, CancellationToken ct)
    {
        var (terms, via, click) = await ChooseAsync(run, order, ct);
        if (order.Click is { } own)
            await run.ExecuteAsync(TieSql.For(run.Dialect), ct, ("clickId", own.Id), ("customerId", order.CustomerId), ("paidAt", order.PaidAt));
        if (terms is null) return null;
        var self = terms.KolCustomerId == order.CustomerId;
        var month = BusinessMonth.Of(time, order.PaidAt);
        // The pending line waits on this row (PendingLines writes it later): one insert here instead of two.
        var rate = self ? null : terms.Rate;
        await run.ExecuteAsync(
            """
            INSERT INTO order_attributions (order_id, kol_id, via, click_id, contract_id, self_referral, paid_at, month,
                                            line_amount, line_rate_kind, line_rate_value, line_available_at)
            VALUES (@orderId, @kolId, @via, @clickId, @contractId, @self, @paidAt, @month, @amount, @rateKind, @rateValue, @availableAt)
            """, ct, ("orderId", order.OrderRowId), ("kolId", terms.KolId), ("via", via), ("clickId", click?.Id),
            ("contractId", terms.ContractId), ("self", self), ("paidAt", order.PaidAt), ("month", month),
            ("amount", rate is null ? (long?)null : CommissionMath.Amount(rate, order.Payable, order.Payable)), ("rateKind", rate?.Kind),
            ("rateValue", rate?.Value), ("availableAt", rate is null ? (DateTime?)null : order.PaidAt.AddDays(terms.HoldingDays)));
        return new Attribution(terms.KolId, via, click?.ClickId, terms.ContractId, self);
    }

    private async Task<(Terms?, string, ClickRow?)> ChooseAsync(Statements run, AttributionRequest order, CancellationToken ct)
    {
        foreach (var code in order.Codes)
            if (await codes.FindAsync(run, code, order.CourseId, order.PaidAt, ct) is { } byCode)
                return (byCode, AttributionVia.Code, null);
        if (await ByClickAsync(run, order, ct) is { } byClick) return (byClick.Terms, AttributionVia.Link, byClick.Click);
        if (order.LiveSessionId is { } session && await run.SingleOrDefaultAsync<Terms>(ByHostSql, ct, ("paidAt", order.PaidAt),
                ("courseId", order.CourseId), ("sessionId", session)) is { } byHost)
            return (byHost, AttributionVia.LiveSession, null);
        return (null, "", null);
    }

    private async Task<(Terms Terms, ClickRow Click)?> ByClickAsync(Statements run, AttributionRequest order, CancellationToken ct)
    {
        // A new customer has no clicks of its own yet; skipping the look-up keeps checkout for new buyers as it was.
        var clicks = new List<ClickRow>();
        if (order.CustomerWasKnown)
            clicks.AddRange(await run.Connection.QueryAsync<ClickRow>(new CommandDefinition(CustomerClicksSql,
                new { customerId = order.CustomerId, paidAt = order.PaidAt, oldest = order.PaidAt - Oldest }, run.Transaction,
                cancellationToken: ct)));
        if (order.Click is { } own && own.ClickedAt <= order.PaidAt && clicks.TrueForAll(c => c.Id != own.Id)) clicks.Add(own);
        if (clicks.Count == 0) return null;
        var terms = new Dictionary<long, Terms?>();
        var valid = new List<(Terms Terms, ClickRow Click)>();
        foreach (var click in clicks.OrderBy(c => c.ClickedAt).ThenBy(c => c.Id))
        {
            if (!terms.TryGetValue(click.KolId, out var t))
                terms[click.KolId] = t = await run.SingleOrDefaultAsync<Terms>(ByKolSql, ct, ("paidAt", order.PaidAt),
                    ("courseId", order.CourseId), ("kolId", click.KolId));
            if (t is not null && click.ClickedAt >= order.PaidAt.AddDays(-t.WindowDays)) valid.Add((t, click));
        }
        if (valid.Count == 0) return null;
        // First-touch binding locks the customer to the KOL who reached them first; otherwise the latest touch counts.
        var locked = valid.FindIndex(v => v.Terms.Binding == KolWords.FirstTouch);
        if (locked >= 0) return valid[locked];
        var own2 = valid.FindIndex(v => v.Click.Id == order.Click?.Id);
        return own2 >= 0 ? valid[own2] : valid[^1];
    }

    private static readonly DialectSql TieSql = new(d => d == Dialect.Sqlite
        ? "INSERT OR IGNORE INTO kol_click_customers (click_id, customer_id, seen_at) VALUES (@clickId, @customerId, @paidAt)"
        : """
          INSERT INTO kol_click_customers (click_id, customer_id, seen_at)
          SELECT @clickId, @customerId, @paidAt
          WHERE NOT EXISTS (SELECT 1 FROM kol_click_customers WHERE customer_id = @customerId AND click_id = @clickId)
          """);

    /// <summary>The attribution stored for an order row, or null.</summary>
    public static async Task<Attribution?> FindAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction? tx, long orderRowId,
        CancellationToken ct) =>
        (await c.QuerySingleOrDefaultAsync<StoredRow>(new CommandDefinition(
            """
            SELECT a.kol_id AS KolId, a.via, cl.click_id AS ClickId, a.contract_id AS ContractId, a.self_referral AS SelfReferral
            FROM order_attributions a LEFT JOIN kol_clicks cl ON cl.id = a.click_id
            WHERE a.order_id = @orderRowId
            """, new { orderRowId }, tx, cancellationToken: ct)))?.Attribution;

    // SQLite answers integers as Int64, which Dapper maps to a constructor only as long.
    private sealed record StoredRow(long KolId, string Via, string? ClickId, long ContractId, long SelfReferral)
    {
        public Attribution Attribution => new(KolId, Via, ClickId, ContractId, SelfReferral != 0);
    }
}
