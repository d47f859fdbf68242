using Console.Domain.Data;

namespace Console.Web.Hosting;

public static class StoreStartup
{
    /// <summary>Migrates on start; in Development (or when asked) seeds demo data into an empty store.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var applied = app.Services.GetRequiredService<Migrator>().Migrate(message => app.Logger.LogInformation("Migrations: {Message}", message));
        if (applied.Count > 0) app.Logger.LogInformation("Applied migrations: {Scripts}", string.Join(", ", applied));
        var sealedRows = await app.Services.GetRequiredService<Console.Domain.Customers.SealPersonalData>().RunAsync();
        if (sealedRows is not { Customers: 0, Recipients: 0, Kols: 0 })
            app.Logger.LogInformation("Sealed the email and phone of {Customers} customers, {Recipients} email recipients and {Kols} KOLs",
                sealedRows.Customers, sealedRows.Recipients, sealedRows.Kols);
        await DemoStartup.SeedIfEmptyAsync(app);
    }
}
