using Console.Domain.Data;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>
/// Fails the open teams whose window has passed and moves their orders to refund_due. Re-entrant: each team is
/// failed by a conditional update that only an open, expired team passes, so a retried or overlapping run does nothing twice.
/// </summary>
public sealed class ExpireTeams(Db db, TimeProvider clock)
{
    public const int BatchSize = 500;

    public sealed record Result(int TeamsFailed, int OrdersRefundDue);

    public async Task<Result> ExecuteAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var teams = 0;
        var orders = 0;
        await using var connection = await db.OpenAsync(ct);
        while (true)
        {
            var due = (await connection.QueryAsync<long>(new CommandDefinition(
                """
                SELECT id FROM group_buy_teams WHERE state = 'open' AND expires_at <= @now ORDER BY expires_at
                """, new { now }, cancellationToken: ct))).Take(BatchSize).ToList();
            if (due.Count == 0) return new Result(teams, orders);
            foreach (var teamId in due)
            {
                ct.ThrowIfCancellationRequested();
                await using var tx = await connection.BeginTransactionAsync(ct);
                var failed = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE group_buy_teams SET state = 'failed', closed_at = @now WHERE id = @teamId AND state = 'open' AND expires_at <= @now
                    """, new { teamId, now }, tx, cancellationToken: ct));
                if (failed == 1)
                {
                    teams++;
                    orders += await connection.ExecuteAsync(new CommandDefinition(
                        """
                        UPDATE orders SET status = 'refund_due'
                        WHERE status = 'awaiting_group' AND id IN (SELECT order_id FROM group_buy_members WHERE team_id = @teamId)
                        """, new { teamId }, tx, cancellationToken: ct));
                }
                await tx.CommitAsync(ct);
            }
        }
    }
}
