using Console.Domain.Sales;

namespace Console.Web.Hosting;

/// <summary>Counts freshly seeded orders and live sessions now, so the first dashboard is not empty until the jobs' next minute.</summary>
internal static class DemoRollups
{
    public static async Task<string> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var sales = await services.GetRequiredService<RollupDailySales>().RunAsync(ct: ct);
        await services.GetRequiredService<RollupLiveFunnel>().RunAsync(ct);
        return $"rolled up {sales.Orders:N0} orders and {sales.Refunds:N0} refunds into daily sales, and the live-session funnel";
    }
}
