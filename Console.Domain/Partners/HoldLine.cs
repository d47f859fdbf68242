using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

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
            // Lines still waiting on their attributions are written first; the ledger names one of those by its order, negated.
            await PendingLines.WriteKolAsync(run.Connection, run.Transaction!, kolId, token);
            var line = lineId is < 0 ? await LineOfOrderAsync(run, kolId, -lineId.Value, token) : lineId;
            var changed = await run.ExecuteAsync(
                """
                UPDATE kol_commissions SET held = @held
                WHERE kol_id = @kolId AND (@lineId IS NULL OR id = @lineId) AND payout_id IS NULL AND status <> 'paid' AND held <> @held
                """, token, ("held", held), ("kolId", kolId), ("lineId", line));
            if (changed > 0)
                await Audit.WriteAsync(run.Connection, run.Transaction!, actor, held ? "kol_commission.hold" : "kol_commission.release", "kol",
                    kolId.ToString(), null, new { lineId = line, lines = changed }, now);
            return new Count(changed);
        }, _ => true, _ => null, UndoFree: false), ct)).Value;
    }

    /// <summary>The commission line of one of the KOL's orders, or 0 (no line) when the order is not theirs.</summary>
    private static async Task<long> LineOfOrderAsync(Statements run, long kolId, long orderRowId, CancellationToken ct) =>
        await run.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM kol_commissions WHERE order_id = @orderRowId AND kind = 'commission' AND kol_id = @kolId",
            new { orderRowId, kolId }, run.Transaction, cancellationToken: ct)) ?? 0;
}
