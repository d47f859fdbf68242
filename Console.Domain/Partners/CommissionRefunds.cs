using System.Data.Common;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>
/// Follows a refund through the commission ledger, in the refund's own transaction. The order's lines should come to what
/// its current rate earns on what is left paid: while nothing of the order is approved the pending commission line is
/// lowered; once a line is approved or paid, the difference is a new negative clawback line, carried into the next payout.
/// </summary>
public static class CommissionRefunds
{
    private sealed record LineRow(long Id, string Kind, long Amount, string Status, string RateKind, long RateValue, long KolId,
        long ContractId, string Month, DateTime AvailableAt);

    private sealed record OrderMoney(long Payable, long Refunded);

    public static async Task ApplyAsync(DbConnection c, DbTransaction tx, long orderRowId, DateTime nowUtc, CancellationToken ct)
    {
        // A line still waiting on its attribution is written first, so that the refund lowers it like any pending line.
        await PendingLines.WriteOrderAsync(c, tx, orderRowId, ct);
        var lines = (await c.QueryAsync<LineRow>(new CommandDefinition(
            """
            SELECT id, kind, amount, status, rate_kind AS RateKind, rate_value AS RateValue, kol_id AS KolId, contract_id AS ContractId,
                   month, available_at AS AvailableAt
            FROM kol_commissions WHERE order_id = @orderRowId ORDER BY id
            """, new { orderRowId }, tx, cancellationToken: ct))).ToList();
        var commission = lines.Find(l => l.Kind == LineWords.Commission);
        if (commission is null) return;
        var order = await c.QuerySingleAsync<OrderMoney>(new CommandDefinition(
            "SELECT payable, refunded FROM orders WHERE id = @orderRowId", new { orderRowId }, tx, cancellationToken: ct));
        // The latest rate line (an adjustment once the month's tier applied) is the rate the order now earns at.
        var current = lines.FindLast(l => l.Kind != LineWords.Clawback)!;
        var rate = new Rate(current.RateKind, current.RateValue);
        var net = checked(order.Payable - order.Refunded);
        var difference = checked(CommissionMath.Amount(rate, net, order.Payable) - CommissionMath.Sum(lines.Select(l => l.Amount)));
        if (difference == 0) return;
        if (lines.TrueForAll(l => l.Status == LineWords.Pending))
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE kol_commissions SET amount = amount + @difference, base = @net WHERE id = @Id",
                new { difference, net, commission.Id }, tx, cancellationToken: ct));
            return;
        }
        var refundId = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT MAX(id) FROM refunds WHERE order_id = @orderRowId", new { orderRowId }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kol_commissions (kol_id, order_id, contract_id, kind, amount, base, rate_kind, rate_value, status, held, month,
                                         earned_at, available_at, refund_id, created_at)
            VALUES (@KolId, @orderRowId, @ContractId, 'clawback', @difference, @net, @RateKind, @RateValue, 'approved', 0, @Month,
                    @nowUtc, @nowUtc, @refundId, @nowUtc)
            """, new { commission.KolId, orderRowId, commission.ContractId, difference, net, RateKind = rate.Kind,
                RateValue = rate.Value, commission.Month, nowUtc, refundId }, tx, cancellationToken: ct));
    }
}
