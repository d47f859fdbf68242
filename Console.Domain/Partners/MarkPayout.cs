using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Partners;

/// <summary>
/// Moves a payout on: a Manager approves a draft; the payment system (or finance) marks it paid once, which marks its
/// lines paid. Each step is a conditional update, so a repeat is answered, never applied twice.
/// </summary>
public sealed class MarkPayout(StatementRunner runner, TimeProvider clock)
{
    public enum Outcome { Done, NotFound, AlreadyPaid, NotDraft }

    /// <summary>Reference is the bank's or payment system's reference for the transfer, kept in the audit log.</summary>
    public sealed record PaidCommand(string? Reference = null);

    public Task<Outcome> ApproveAsync(long id, string actor, CancellationToken ct = default) => StepAsync(id, actor, "payout.approve",
        "UPDATE kol_payouts SET status = 'approved', approved_at = @now, approved_by = @actor WHERE id = @id AND status = 'draft'",
        null, Outcome.NotDraft, null, ct);

    public Task<Outcome> PaidAsync(long id, string actor, string? reference = null, CancellationToken ct = default) => StepAsync(id, actor,
        "payout.paid", "UPDATE kol_payouts SET status = 'paid', paid_at = @now WHERE id = @id AND status <> 'paid'",
        "UPDATE kol_commissions SET status = 'paid' WHERE payout_id = @id", Outcome.AlreadyPaid, reference?.Trim() is { Length: > 0 } r
            ? new { reference = r.Length > 200 ? r[..200] : r } : null, ct);

    private async Task<Outcome> StepAsync(long id, string actor, string action, string sql, string? lines, Outcome refused, object? after,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await runner.WriteAsync(new WriteUnit<Box>(async (run, token) =>
        {
            var state = await run.SingleOrDefaultAsync<State>("SELECT id, status FROM kol_payouts WHERE id = @id", token, ("id", id));
            if (state is null) return new Box(Outcome.NotFound);
            var status = state.Status;
            if (status == PayoutStatus.Paid) return new Box(Outcome.AlreadyPaid);
            if (await run.ExecuteAsync(sql, token, ("now", now), ("actor", actor), ("id", id)) == 0) return new Box(refused);
            if (lines is not null) await run.ExecuteAsync(lines, token, ("id", id));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, action, "payout", id.ToString(), new { status }, after, now);
            return new Box(Outcome.Done);
        }, box => box.Value == Outcome.Done, _ => null, UndoFree: false), ct)).Value;
    }

    private sealed record Box(Outcome Value);

    private sealed record State
    {
        public long Id { get; init; }
        public string Status { get; init; } = "";
    }
}
