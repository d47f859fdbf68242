using Console.Domain.Sales;

namespace Console.Web.Hosting;

/// <summary>
/// Counts freshly seeded orders and live sessions and analyses the seeded survey answers now, so the first dashboard and
/// the first survey results are not empty until the jobs' next minute.
/// </summary>
internal static class DemoRollups
{
    public static async Task<string> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var sales = await services.GetRequiredService<RollupDailySales>().RunAsync(ct: ct);
        await services.GetRequiredService<RollupLiveFunnel>().RunAsync(ct);
        var surveys = await services.GetRequiredService<Console.Domain.Surveys.AnalyseSurveys>().RunAsync(ct);
        return $"rolled up {sales.Orders:N0} orders and {sales.Refunds:N0} refunds into daily sales, and the live-session funnel; analysed {surveys} surveys' answers";
    }
}
