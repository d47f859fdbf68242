using Console.Domain.Data;

namespace Console.Domain.Email;

/// <summary>
/// Email:RatePerSecond across every worker: each second of the clock is a row, and a sender takes tokens from the
/// current second's row by a conditional update that only succeeds while the row stays within the rate. Tokens a
/// sender took but did not use are lost, so the limit may be undershot, never overshot.
/// </summary>
public sealed class RateSlots(StatementRunner runner, TimeProvider clock)
{
    private const string SqliteEnsure =
        """
        INSERT INTO email_rate_slots (slot, used) VALUES (@slot, 0) ON CONFLICT (slot) DO NOTHING
        """;

    private const string SqlServerEnsure =
        """
        INSERT INTO email_rate_slots (slot, used)
        SELECT @slot, 0 WHERE NOT EXISTS (SELECT 1 FROM email_rate_slots WITH (UPDLOCK, HOLDLOCK) WHERE slot = @slot)
        """;

    private const string TakeSql =
        """
        UPDATE email_rate_slots SET used = used + @n WHERE slot = @slot AND used + @n <= @rate
        """;

    private const string ForgetSql =
        """
        DELETE FROM email_rate_slots WHERE slot < @before
        """;

    private sealed record Taken(int Count);

    /// <summary>Waits until it holds between 1 and <paramref name="want"/> tokens of the shared rate, and answers how many.</summary>
    public async Task<int> TakeAsync(int rate, int want, CancellationToken ct)
    {
        want = Math.Clamp(want, 1, Math.Max(1, rate));
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            var slot = now.ToUnixTimeSeconds();
            var taken = await runner.WriteAsync(new WriteUnit<Taken>(async (run, token) =>
            {
                var created = await run.ExecuteAsync(run.Dialect == Dialect.Sqlite ? SqliteEnsure : SqlServerEnsure, token, ("slot", slot));
                if (created == 1) await run.ExecuteAsync(ForgetSql, token, ("before", slot - 60));
                foreach (var n in want > 1 ? new[] { want, 1 } : [1])
                    if (await run.ExecuteAsync(TakeSql, token, ("n", n), ("slot", slot), ("rate", rate)) == 1) return new Taken(n);
                return new Taken(0);
            }, _ => true, _ => null, UndoFree: false), ct);
            if (taken.Count > 0) return taken.Count;
            var next = DateTimeOffset.FromUnixTimeSeconds(slot + 1) - clock.GetUtcNow();
            if (next > TimeSpan.Zero) await Task.Delay(next, clock, ct);
        }
    }
}
