namespace Console.Web.Hosting;

/// <summary>One line per capability service; they are all stateless over the store, hence singletons.</summary>
internal static class DomainRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<Console.Domain.Events.IngestGate>();
        services.AddSingleton<Console.Domain.Events.ExternalIds>();
        services.AddSingleton<Console.Domain.Events.IngestEvents>();
        services.AddSingleton<Console.Domain.Customers.UpsertCustomers>();
        services.AddSingleton<Console.Domain.Courses.UpsertCourses>();
        services.AddSingleton<Console.Domain.LiveSessions.UpsertLiveSessions>();
    }
}
