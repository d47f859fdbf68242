using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>
/// Gathers every approved, unpaid, unheld line earned up to the end of periodEnd (business day) into a draft payout. Each
/// KOL's lines net off (clawbacks against commissions); a KOL whose net is below Partners:MinimumPayout keeps its lines for
/// a later payout. The lines are claimed by a conditional update, so two payouts never hold one line.
/// </summary>
public sealed class CreatePayout(StatementRunner runner, BusinessTime time, TimeProvider clock, PartnersOptions options)
{
    public sealed record Command(string? PeriodEnd = null);

    public abstract record Outcome
    {
        public sealed record Created(long Id, long Lines, long Total) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(Command command, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        DateOnly? periodEnd = null;
        if (string.IsNullOrWhiteSpace(command.PeriodEnd)) fields.Add("periodEnd", FieldCodes.Required);
        else if (DateOnly.TryParseExact(command.PeriodEnd.Trim(), "yyyy-MM-dd", out var day)) periodEnd = day;
        else if (fields.Time("periodEnd", command.PeriodEnd) is { } instant) periodEnd = time.DayOf(instant);
        if (!fields.Valid || periodEnd is null) return new Outcome.Invalid(fields.Errors);
        return await ForDayAsync(periodEnd.Value, actor, ct);
    }

    internal async Task<Outcome> ForDayAsync(DateOnly periodEnd, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = time.StartOfDayUtc(periodEnd.AddDays(1));
        Money.TryToFen(options.MinimumPayout, out var minimum);
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            var netted = (await run.Connection.QueryAsync<KolAmount>(new CommandDefinition(
                """
                SELECT kol_id AS KolId, SUM(amount) AS Amount FROM kol_commissions
                WHERE status = 'approved' AND payout_id IS NULL AND held = 0 AND earned_at < @before
                GROUP BY kol_id
                """, new { before }, run.Transaction, cancellationToken: token))).Where(k => k.Amount >= minimum && k.Amount > 0).ToList();
            var id = await run.InsertAsync(InsertSql.For(run.Dialect), token, ("periodEnd", periodEnd.ToDateTime(TimeOnly.MinValue)),
                ("now", now), ("actor", actor));
            long lines = 0, total = 0;
            foreach (var kolId in netted.Select(k => k.KolId))
            {
                lines += await run.ExecuteAsync(
                    """
                    UPDATE kol_commissions SET payout_id = @id
                    WHERE kol_id = @kolId AND status = 'approved' AND payout_id IS NULL AND held = 0 AND earned_at < @before
                    """, token, ("id", id), ("kolId", kolId), ("before", before));
            }
            total = await run.ScalarAsync<long>("SELECT COALESCE(SUM(amount), 0) FROM kol_commissions WHERE payout_id = @id", token, ("id", id));
            await run.ExecuteAsync("UPDATE kol_payouts SET total = @total, lines = @lines WHERE id = @id", token,
                ("total", total), ("lines", lines), ("id", id));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "payout.create", "payout", id.ToString(), null,
                new { periodEnd, lines, total }, now);
            return new Outcome.Created(id, lines, total);
        }, _ => true, _ => null, UndoFree: false), ct);
    }

    private static readonly DialectSql InsertSql = new(d =>
        $"""
        INSERT INTO kol_payouts (period_end, status, total, lines, created_at, created_by)
        {DialectSql.OutputId(d)}
        VALUES (@periodEnd, 'draft', 0, 0, @now, @actor)
        """);
}
