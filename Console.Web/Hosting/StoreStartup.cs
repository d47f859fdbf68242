using Console.Domain.Data;

namespace Console.Web.Hosting;

public static class StoreStartup
{
    /// <summary>Migrates on start; in Development (or when asked) seeds demo data into an empty store.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var applied = app.Services.GetRequiredService<Migrator>().Migrate(message => app.Logger.LogInformation("Migrations: {Message}", message));
        if (applied.Count > 0) app.Logger.LogInformation("Applied migrations: {Scripts}", string.Join(", ", applied));
        await DemoStartup.SeedIfEmptyAsync(app);
    }
}
