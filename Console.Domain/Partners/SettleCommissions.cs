using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>
/// The hourly settlement. First it writes the pending lines still waiting on their attributions into the ledger. Then it closes each KOL's past business months: the tier reached by that month's net attributed
/// sales is applied to each of its orders and the difference written as an adjustment line (a new line, so a paid one is
/// never rewritten). Then it approves the pending lines whose holding period has ended, except those of group-buy orders
/// still waiting for, or failed by, their team. Each month closes in one unit with its close recorded, and the approval is
/// one conditional update, so a run that stops half-way and runs again writes no line twice.
/// </summary>
public sealed class SettleCommissions(StatementRunner runner, BusinessTime time, TimeProvider clock)
{
    public sealed record Result(int MonthsClosed, int Adjustments, int Approved);

    /// <summary>Called after each month is closed; a test makes it throw to stop the run half-way.</summary>
    internal Action<long, string>? AfterMonthClosed { get; set; }

    private sealed record OrderLine
    {
        public long OrderId { get; init; }
        public long ContractId { get; init; }
        public string RateKind { get; init; } = "";
        public long Payable { get; init; }
        public long Refunded { get; init; }
        public string Status { get; init; } = "";
        public DateTime AvailableAt { get; init; }
    }

    private sealed record Close(int Adjustments);

    public async Task<Result> ExecuteAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = BusinessMonth.Of(time, now);
        // Lines that checkout left waiting on their attributions join the ledger first, so the months and approvals see them.
        await PendingLines.WriteAllAsync(runner, ct);
        List<(long KolId, string Month)> open;
        await using (var read = await runner.ReadAsync(ct))
            open = (await read.Connection.QueryAsync<(long, string)>(new CommandDefinition(
                """
                SELECT DISTINCT l.kol_id, l.month FROM kol_commissions l
                WHERE l.month < @current AND l.kind = 'commission'
                  AND NOT EXISTS (SELECT 1 FROM kol_month_closes m WHERE m.kol_id = l.kol_id AND m.month = l.month)
                ORDER BY l.month, l.kol_id
                """, new { current }, cancellationToken: ct))).ToList();
        var adjustments = 0;
        foreach (var (kolId, month) in open)
        {
            ct.ThrowIfCancellationRequested();
            var close = await runner.WriteAsync(new WriteUnit<Close>((run, token) => CloseMonthAsync(run, kolId, month, now, token),
                _ => true, _ => null, UndoFree: false), ct);
            adjustments += close.Adjustments;
            AfterMonthClosed?.Invoke(kolId, month);
        }
        var approved = await runner.WriteAsync(new WriteUnit<Close>(async (run, token) => new Close(await run.ExecuteAsync(
            """
            UPDATE kol_commissions SET status = 'approved'
            WHERE status = 'pending' AND available_at <= @now
              AND order_id IN (SELECT id FROM orders WHERE status NOT IN ('awaiting_group', 'refund_due'))
            """, token, ("now", now))), _ => true, _ => null, UndoFree: false), ct);
        return new Result(open.Count, adjustments, approved.Adjustments);
    }

    private static async Task<Close> CloseMonthAsync(Statements run, long kolId, string month, DateTime now, CancellationToken ct)
    {
        // Another run may have closed it since the list was read.
        if (await run.SingleOrDefaultAsync<long?>("SELECT 1 FROM kol_month_closes WHERE kol_id = @kolId AND month = @month", ct,
                ("kolId", kolId), ("month", month)) is not null)
            return new Close(0);
        var orders = (await run.Connection.QueryAsync<OrderLine>(new CommandDefinition(
            """
            SELECT l.order_id AS OrderId, l.contract_id AS ContractId, c.rate_kind AS RateKind, o.payable, o.refunded, l.status,
                   l.available_at AS AvailableAt
            FROM kol_commissions l
            JOIN orders o ON o.id = l.order_id
            JOIN kol_contracts c ON c.id = l.contract_id
            WHERE l.kol_id = @kolId AND l.month = @month AND l.kind = 'commission'
            ORDER BY l.order_id
            """, new { kolId, month }, run.Transaction, cancellationToken: ct))).ToList();
        var monthlyNet = CommissionMath.Sum(orders.Select(o => checked(o.Payable - o.Refunded)));
        var tiers = new Dictionary<long, List<Tier>>();
        var written = 0;
        foreach (var order in orders)
        {
            if (!tiers.TryGetValue(order.ContractId, out var contractTiers))
                tiers[order.ContractId] = contractTiers = (await run.Connection.QueryAsync<Tier>(new CommandDefinition(
                    "SELECT from_monthly_net AS FromMonthlyNet, value FROM kol_contract_tiers WHERE contract_id = @ContractId",
                    new { order.ContractId }, run.Transaction, cancellationToken: ct))).ToList();
            if (CommissionMath.TierFor(contractTiers, monthlyNet) is not { } tier) continue;
            var rate = new Rate(order.RateKind, tier.Value);
            var sum = await run.ScalarAsync<long>("SELECT COALESCE(SUM(amount), 0) FROM kol_commissions WHERE order_id = @OrderId", ct,
                ("OrderId", order.OrderId));
            var difference = checked(CommissionMath.Amount(rate, checked(order.Payable - order.Refunded), order.Payable) - sum);
            if (difference == 0) continue;
            await run.ExecuteAsync(
                """
                INSERT INTO kol_commissions (kol_id, order_id, contract_id, kind, amount, base, rate_kind, rate_value, status, held, month,
                                             earned_at, available_at, created_at)
                VALUES (@kolId, @OrderId, @ContractId, 'adjustment', @difference, @net, @rateKind, @rateValue, @status, 0, @month,
                        @now, @availableAt, @now)
                """, ct, ("kolId", kolId), ("OrderId", order.OrderId), ("ContractId", order.ContractId), ("difference", difference),
                ("net", checked(order.Payable - order.Refunded)), ("rateKind", rate.Kind), ("rateValue", rate.Value),
                ("status", order.Status == LineWords.Pending ? LineWords.Pending : LineWords.Approved), ("month", month), ("now", now),
                ("availableAt", order.AvailableAt));
            written++;
        }
        await run.ExecuteAsync("INSERT INTO kol_month_closes (kol_id, month, closed_at) VALUES (@kolId, @month, @now)", ct,
            ("kolId", kolId), ("month", month), ("now", now));
        return new Close(written);
    }
}
