using Hangfire;
using Console.Domain.Admin;
using Console.Domain.Data.Demo;
using Microsoft.Extensions.Options;

namespace Console.Web.Hosting;

/// <summary>With Demo:SeedOnEmpty, the first start on an empty store fills it, so a fresh clone shows a working console.</summary>
internal static class DemoStartup
{
    public static async Task SeedIfEmptyAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!options.SeedOnEmpty) return;
        await SeedAsync(app, options);
        // Development only: accounts with a published password must never appear anywhere else.
        if (!app.Environment.IsDevelopment()) return;
        var added = await DemoUsers.EnsureAsync(app.Services.GetRequiredService<ConsoleUsers>());
        if (added.Count > 0)
            // Roles, not addresses or the password: logs never hold either; the README lists the demo sign-ins.
            app.Logger.LogInformation("Demo users added for the roles {Roles}; their sign-ins are listed in the README", string.Join(", ", added.Select(e => DemoUsers.Accounts.First(a => a.Email == e).Role)));
    }

    private static async Task SeedAsync(WebApplication app, DemoOptions options)
    {
        var seeder = app.Services.GetRequiredService<DemoSeeder>();
        var nonEmpty = await seeder.NonEmptyTablesAsync();
        if (nonEmpty.Count > 0)
        {
            app.Logger.LogDebug("Demo seed skipped: the store already holds {Tables}", string.Join(", ", nonEmpty));
            return;
        }
        var plan = new DemoPlan(options.Customers, options.Days, options.Seed,
            DemoPlan.DefaultEndDay(app.Services.GetRequiredService<TimeProvider>()));
        app.Logger.LogInformation("Seeding demo data into the empty store: {Customers} customers over {Days} days", plan.Customers, plan.Days);
        var result = await seeder.SeedAsync(plan, line => app.Logger.LogInformation("Demo seed: {Progress}", line));
        if (!result.Seeded)
        {
            app.Logger.LogWarning("Demo seed skipped: {Reason}", result.Refusal);
            return;
        }
        app.Logger.LogInformation(
            "Demo seed done in {Seconds:F1} s: {Customers} customers, {Sessions} live sessions, {Events} events, {Orders} orders, {Refunds} refunds",
            result.Elapsed.TotalSeconds, result.Customers, result.Sessions, result.Events, result.Orders, result.Refunds);
        app.Logger.LogInformation("Demo seed: {Rollups}", await DemoRollups.RunAsync(app.Services));
        if (!options.TrainModels) return;
        // Training takes a minute of CPU on the demo store: a job, so the console is usable while it runs.
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var kinds = app.Services.GetRequiredService<Console.Domain.Models.TrainModel>().Kinds;
        foreach (var kind in kinds) jobs.Enqueue<Console.Jobs.Models.TrainModelJob>(j => j.ExecuteAsync(kind, CancellationToken.None));
        app.Logger.LogInformation("Demo seed: first training queued for {Kinds}", string.Join(", ", kinds));
    }
}
