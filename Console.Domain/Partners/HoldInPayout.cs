using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Partners;

/// <summary>
/// A Manager holds a flagged KOL's lines out of a draft payout: they leave the draft, marked held, and the draft's total is
/// counted again. Released later (on the KOL's page), they join the next payout. Only a draft can be changed; audited.
/// </summary>
public sealed class HoldInPayout(StatementRunner runner, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Held(long Lines) : Outcome;
        public sealed record NotDraft : Outcome;
    }

    // Kept statements map rows to records only.
    private sealed record StatusRow(string Status);

    public async Task<Outcome> ExecuteAsync(long payoutId, long kolId, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            var status = (await run.SingleOrDefaultAsync<StatusRow>("SELECT status FROM kol_payouts WHERE id = @id", token, ("id", payoutId)))?.Status;
            if (status != PayoutStatus.Draft) return new Outcome.NotDraft();
            var lines = await run.ExecuteAsync("UPDATE kol_commissions SET held = 1, payout_id = NULL WHERE payout_id = @id AND kol_id = @kolId",
                token, ("id", payoutId), ("kolId", kolId));
            await run.ExecuteAsync(
                """
                UPDATE kol_payouts
                SET total = (SELECT COALESCE(SUM(amount), 0) FROM kol_commissions WHERE payout_id = @id),
                    lines = (SELECT COUNT(*) FROM kol_commissions WHERE payout_id = @id)
                WHERE id = @id
                """, token, ("id", payoutId));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "payout.hold_kol", "payout", payoutId.ToString(), null,
                new { kolId, lines }, now);
            return new Outcome.Held(lines);
        }, outcome => outcome is Outcome.Held, _ => null, UndoFree: false), ct);
    }
}
