using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>The monthly draft: a payout for last business month's end, unless one for that day exists already.</summary>
public sealed class MonthlyPayout(Db db, CreatePayout create, BusinessTime time, TimeProvider clock)
{
    public const string Actor = "system:monthly-payout";

    /// <summary>The new payout's id, or null when last month already has one.</summary>
    public async Task<long?> ExecuteAsync(CancellationToken ct = default)
    {
        var today = time.DayOf(clock.GetUtcNow().UtcDateTime);
        var periodEnd = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        await using (var c = await db.OpenAsync(ct))
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM kol_payouts WHERE period_end = @day",
                    new { day = periodEnd.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct)) > 0)
                return null;
        return await create.ForDayAsync(periodEnd, Actor, ct) is CreatePayout.Outcome.Created created ? created.Id : null;
    }
}
