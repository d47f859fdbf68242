using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>Orders paid in one hour of a business day (Hour 0 starts at the day's midnight in the business time zone).</summary>
public sealed record HourOrders(int Hour, long Orders);

/// <summary>A one-day range is charted by hour: the day's paid orders, read from orders (an indexed read of one day).</summary>
public static class OrdersByHour
{
    private const string Sql = "SELECT paid_at FROM orders WHERE paid_at >= @start AND paid_at < @end";

    public static async Task<IReadOnlyList<HourOrders>> ReadAsync(Db db, BusinessTime time, DateOnly day, CancellationToken ct = default)
    {
        var start = time.StartOfDayUtc(day);
        var end = time.StartOfDayUtc(day.AddDays(1));
        var counts = new long[24];
        await using var connection = await db.OpenAsync(ct);
        await foreach (var paidAt in connection.QueryUnbufferedAsync<DateTime>(Sql, new { start, end }).WithCancellation(ct))
        {
            // The business clock's hour, so a day with a clock change still puts each order under the hour people saw.
            var hour = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(paidAt, DateTimeKind.Utc), time.Zone).Hour;
            counts[hour]++;
        }
        return counts.Select((c, h) => new HourOrders(h, c)).ToList();
    }
}
