using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>A payout with each KOL's netted amount; null when unknown.</summary>
public sealed class GetPayout(Db db, PersonalData personal)
{
    private sealed record Row(long Id, DateTime PeriodEnd, string Status, long Total, long Lines, DateTime CreatedAt, string CreatedBy,
        DateTime? ApprovedAt, string? ApprovedBy, DateTime? PaidAt);

    public async Task<Payout?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT id, period_end AS PeriodEnd, status, total, lines, created_at AS CreatedAt, created_by AS CreatedBy,
                   approved_at AS ApprovedAt, approved_by AS ApprovedBy, paid_at AS PaidAt
            FROM kol_payouts WHERE id = @id
            """, new { id }, cancellationToken: ct));
        if (row is null) return null;
        var kols = await c.QueryAsync<PayoutKol>(new CommandDefinition(
            """
            SELECT k.id AS KolId, k.external_id AS ExternalId, k.name, k.email AS Email, k.phone AS Phone, k.handle AS Handle,
                   SUM(l.amount) AS Amount, COUNT(*) AS Lines,
                   (SELECT COUNT(*) FROM kol_commissions h WHERE h.kol_id = k.id AND h.held = 1 AND h.payout_id IS NULL) AS Held
            FROM kol_commissions l JOIN kols k ON k.id = l.kol_id
            WHERE l.payout_id = @id
            GROUP BY k.id, k.external_id, k.name, k.email, k.phone, k.handle
            ORDER BY k.name, k.id
            """, new { id }, cancellationToken: ct));
        return new Payout(row.Id, DateOnly.FromDateTime(row.PeriodEnd), row.Status, row.Total, row.Lines, row.CreatedAt, row.CreatedBy,
            row.ApprovedAt, row.ApprovedBy, row.PaidAt,
            kols.Select(k => k with { Account = personal.Open(k.Email) ?? personal.Open(k.Phone) ?? k.Handle }).ToList());
    }

    /// <summary>Every payout, newest first, for the console's list.</summary>
    public async Task<IReadOnlyList<Payout>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id, period_end AS PeriodEnd, status, total, lines, created_at AS CreatedAt, created_by AS CreatedBy,
                   approved_at AS ApprovedAt, approved_by AS ApprovedBy, paid_at AS PaidAt
            FROM kol_payouts ORDER BY id DESC
            """, cancellationToken: ct));
        return rows.Select(r => new Payout(r.Id, DateOnly.FromDateTime(r.PeriodEnd), r.Status, r.Total, r.Lines, r.CreatedAt, r.CreatedBy,
            r.ApprovedAt, r.ApprovedBy, r.PaidAt, [])).ToList();
    }
}
