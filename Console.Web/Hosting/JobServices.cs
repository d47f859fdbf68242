namespace Console.Web.Hosting;

public static class JobServices
{
    public static WebApplicationBuilder AddJobServices(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapJobs(this WebApplication app) => app;
}
