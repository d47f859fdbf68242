using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>
/// A KOL's commission lines, optionally within [from, to) of earning and of one status, newest first: those written into
/// the ledger and those still waiting on their orders' attributions alike.
/// </summary>
public sealed class KolCommissions(Db db)
{
    public const int MaxLines = 5_000;

    // Read by property: SQLite types the columns of a union it answers no row from as blobs, which no constructor matches.
    private sealed record Row
    {
        public long Id { get; init; }
        public string OrderId { get; init; } = "";
        public string Kind { get; init; } = "";
        public long Amount { get; init; }
        public long Base { get; init; }
        public string RateKind { get; init; } = "";
        public long RateValue { get; init; }
        public string Status { get; init; } = "";
        public long Held { get; init; }
        public DateTime EarnedAt { get; init; }
        public DateTime AvailableAt { get; init; }
        public long? PayoutId { get; init; }
    }

    public async Task<IReadOnlyList<CommissionLine>?> ListAsync(long kolId, DateTime? fromUtc, DateTime? toUtc, string? status,
        CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        if (await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT id FROM kols WHERE id = @kolId", new { kolId }, cancellationToken: ct))
            is null)
            return null;
        var rows = await c.QueryAsync<Row>(new CommandDefinition(Sql.For(db.Dialect), new { kolId, fromUtc, toUtc, status, take = MaxLines },
            cancellationToken: ct));
        return rows.Select(r => new CommissionLine(r.Id, r.OrderId, r.Kind, r.Amount, r.Base, new Rate(r.RateKind, r.RateValue), r.Status,
            r.Held != 0, r.EarnedAt, r.AvailableAt, r.PayoutId)).ToList();
    }

    // A line still waiting on its attribution (PendingLines) reads as the pending line it will be, named by its order row
    // negated; among lines earned at one instant it counts as written last, which it will be.
    private static readonly DialectSql Sql = new(d =>
        $"""
        SELECT id, OrderId, kind, amount, base, RateKind, RateValue, status, held, EarnedAt, AvailableAt, PayoutId
        FROM (
            SELECT l.id, o.order_id AS OrderId, l.kind, l.amount, l.base, l.rate_kind AS RateKind, l.rate_value AS RateValue, l.status,
                   l.held, l.earned_at AS EarnedAt, l.available_at AS AvailableAt, l.payout_id AS PayoutId, 0 AS waiting, l.id AS seq
            FROM kol_commissions l JOIN orders o ON o.id = l.order_id
            WHERE l.kol_id = @kolId
              AND (@fromUtc IS NULL OR l.earned_at >= @fromUtc) AND (@toUtc IS NULL OR l.earned_at < @toUtc)
              AND (@status IS NULL OR l.status = @status)
            UNION ALL
            SELECT -a.order_id, o.order_id, 'commission', a.line_amount, o.payable, a.line_rate_kind, a.line_rate_value, 'pending',
                   0, a.paid_at, a.line_available_at, NULL, 1, a.order_id
            FROM order_attributions a JOIN orders o ON o.id = a.order_id
            WHERE a.kol_id = @kolId AND a.line_amount IS NOT NULL
              AND (@fromUtc IS NULL OR a.paid_at >= @fromUtc) AND (@toUtc IS NULL OR a.paid_at < @toUtc)
              AND (@status IS NULL OR @status = 'pending')
        ) lines
        ORDER BY EarnedAt DESC, waiting DESC, seq DESC
        {PageFragment.For(d, "0", "@take")}
        """);
}
