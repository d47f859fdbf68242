namespace Console.Web.Hosting;

/// <summary>One line per capability service; they are all stateless over the store, hence singletons.</summary>
internal static class DomainRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<Console.Domain.Sales.RollupDailySales>();
        services.AddSingleton<Console.Domain.Sales.RecomputeDailySales>();
        services.AddSingleton<Console.Domain.Sales.SalesSummary>();
    }
}
