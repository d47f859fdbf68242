using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Partners;

/// <summary>A Manager puts a KOL's unpaid lines on hold (a held line is not paid) or releases them; each is audited.</summary>
public sealed class HoldLine(StatementRunner runner, TimeProvider clock)
{
    private sealed record Count(int Value);

    /// <summary>Answers how many lines changed; a line already in a payout or paid is left alone.</summary>
    public async Task<int> SetAsync(long kolId, long? lineId, bool held, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await runner.WriteAsync(new WriteUnit<Count>(async (run, token) =>
        {
            var changed = await run.ExecuteAsync(
                """
                UPDATE kol_commissions SET held = @held
                WHERE kol_id = @kolId AND (@lineId IS NULL OR id = @lineId) AND payout_id IS NULL AND status <> 'paid' AND held <> @held
                """, token, ("held", held), ("kolId", kolId), ("lineId", lineId));
            if (changed > 0)
                await Audit.WriteAsync(run.Connection, run.Transaction!, actor, held ? "kol_commission.hold" : "kol_commission.release", "kol",
                    kolId.ToString(), null, new { lineId, lines = changed }, now);
            return new Count(changed);
        }, _ => true, _ => null, UndoFree: false), ct)).Value;
    }
}
