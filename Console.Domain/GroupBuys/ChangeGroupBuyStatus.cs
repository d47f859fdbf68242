using Console.Domain.Admin;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.GroupBuys;

/// <summary>
/// Activates, pauses or ends a group-buy campaign, audited. Only the status changes once teams may exist: their size,
/// prices and window were promised to the customers already in them.
/// </summary>
public sealed class ChangeGroupBuyStatus(Db db, TimeProvider clock)
{
    public enum Result { Changed, Unchanged, NotFound, Invalid }

    public async Task<Result> ExecuteAsync(long id, string status, string actor, CancellationToken ct = default)
    {
        if (!CampaignStatus.All.Contains(status)) return Result.Invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            SELECT status FROM group_buy_campaigns WHERE id = @id
            """, new { id }, tx, cancellationToken: ct));
        if (before is null) return Result.NotFound;
        if (before == status) return Result.Unchanged;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE group_buy_campaigns SET status = @status, updated_at = @now WHERE id = @id
            """, new { id, status, now }, tx, cancellationToken: ct));
        await Audit.WriteAsync(connection, tx, actor, "group_buy_campaign.status", "group_buy_campaign", id.ToString(),
            new { status = before }, new { status }, now);
        await tx.CommitAsync(ct);
        return Result.Changed;
    }
}
