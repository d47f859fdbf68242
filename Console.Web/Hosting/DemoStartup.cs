namespace Console.Web.Hosting;

internal static class DemoStartup
{
    public static Task SeedIfEmptyAsync(WebApplication app) => Task.CompletedTask;
}
