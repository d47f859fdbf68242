using System.Data.Common;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>
/// Writes into the ledger the pending commission lines that checkout left waiting on their orders' attribution rows
/// (amount, rate and release time, see <see cref="OrderAttribution"/>), and clears them there, in the caller's transaction:
/// one order's before its refund is followed, one KOL's before a hold, all of them in batches before the settlement. The
/// ledger's readers add the waiting lines in meanwhile, so a line reads the same before and after it is written.
/// </summary>
public static class PendingLines
{
    /// <summary>Order rows per unit when every waiting line is written: the single writer is never held long.</summary>
    public const int Batch = 5_000;

    private sealed record Count(int Value);

    public static Task<int> WriteOrderAsync(DbConnection c, DbTransaction tx, long orderRowId, CancellationToken ct) =>
        WriteAsync(c, tx, ByOrder, new { orderRowId }, ct);

    public static Task<int> WriteKolAsync(DbConnection c, DbTransaction tx, long kolId, CancellationToken ct) =>
        WriteAsync(c, tx, ByKol, new { kolId }, ct);

    /// <summary>Every waiting line, KOL by KOL and oldest orders first, one unit of writes per <see cref="Batch"/> order rows.</summary>
    public static async Task<int> WriteAllAsync(StatementRunner runner, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var written = await runner.WriteAsync(new WriteUnit<Count>(async (run, token) =>
            {
                // Both minimums are read from the waiting rows' own index, however many lines were written before.
                var kolId = await run.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    "SELECT MIN(kol_id) FROM order_attributions WHERE line_amount IS NOT NULL", transaction: run.Transaction,
                    cancellationToken: token));
                if (kolId is null) return new Count(0);
                var from = await run.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT MIN(order_id) FROM order_attributions WHERE kol_id = @kolId AND line_amount IS NOT NULL", new { kolId },
                    run.Transaction, cancellationToken: token));
                return new Count(await WriteAsync(run.Connection, run.Transaction!, InRange, new { kolId, from, to = from + Batch }, token));
            }, _ => true, _ => null, UndoFree: false), ct);
            if (written.Value == 0) return total;
            total += written.Value;
        }
    }

    private static async Task<int> WriteAsync(DbConnection c, DbTransaction tx, Scope scope, object args, CancellationToken ct)
    {
        var written = await c.ExecuteAsync(new CommandDefinition(scope.Insert, args, tx, cancellationToken: ct));
        if (written > 0) await c.ExecuteAsync(new CommandDefinition(scope.Clear, args, tx, cancellationToken: ct));
        return written;
    }

    // Each scope is a whole statement pair, so that every text is planned (and parsed for SQL Server) as it is sent; the
    // pairs differ only in which waiting rows they take.
    private sealed record Scope(string Insert, string Clear);

    private const string InsertWaiting =
        """
        INSERT INTO kol_commissions (kol_id, order_id, contract_id, kind, amount, base, rate_kind, rate_value, status, held, month,
                                     earned_at, available_at, created_at)
        SELECT a.kol_id, a.order_id, a.contract_id, 'commission', a.line_amount, o.payable, a.line_rate_kind, a.line_rate_value, 'pending', 0,
               a.month, a.paid_at, a.line_available_at, a.paid_at
        FROM order_attributions a JOIN orders o ON o.id = a.order_id

        """;

    private const string ClearWaiting =
        """
        UPDATE order_attributions SET line_amount = NULL, line_rate_kind = NULL, line_rate_value = NULL, line_available_at = NULL

        """;

    private static readonly Scope ByOrder = new(
        InsertWaiting + "WHERE a.order_id = @orderRowId AND a.line_amount IS NOT NULL",
        ClearWaiting + "WHERE order_id = @orderRowId AND line_amount IS NOT NULL");

    private static readonly Scope ByKol = new(
        InsertWaiting + "WHERE a.kol_id = @kolId AND a.line_amount IS NOT NULL ORDER BY a.order_id",
        ClearWaiting + "WHERE kol_id = @kolId AND line_amount IS NOT NULL");

    private static readonly Scope InRange = new(
        InsertWaiting + "WHERE a.kol_id = @kolId AND a.order_id >= @from AND a.order_id < @to AND a.line_amount IS NOT NULL ORDER BY a.order_id",
        ClearWaiting + "WHERE kol_id = @kolId AND order_id >= @from AND order_id < @to AND line_amount IS NOT NULL");
}
