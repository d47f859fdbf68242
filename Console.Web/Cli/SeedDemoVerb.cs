using System.Globalization;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Web.Hosting;

namespace Console.Web.Cli;

/// <summary>seed-demo [--customers N] [--days D] [--seed S] [--end yyyy-MM-dd]: deterministic demo data into an empty store.</summary>
internal static class SeedDemoVerb
{
    // Plain strings, not a raw literal: raw literals in this codebase are SQL and get parsed as such.
    private const string Usage =
        "usage: seed-demo [--customers N] [--days D] [--seed S] [--end yyyy-MM-dd]\n" +
        "  --customers  customers to create, ids 1..N (default 20,000)\n" +
        "  --days       length of the period in days (default 180)\n" +
        "  --seed       random seed (default 42); the same seed and end day give the same rows\n" +
        "  --end        the data stops at 00:00 UTC of this day (default: today's UTC date)\n" +
        "The store must be empty: no customers, orders, courses, live sessions or events.";

    public static async Task<int> RunAsync(CliContext cli)
    {
        if (cli.Args.Get("help") is not null)
        {
            await cli.Out.WriteLineAsync(Usage);
            return 0;
        }
        var (customers, customersError) = cli.Args.GetInt("customers", DemoPlan.DefaultCustomers, 1, DemoPlan.MaxCustomers);
        var (days, daysError) = cli.Args.GetInt("days", DemoPlan.DefaultDays, 1, DemoPlan.MaxDays);
        var (seed, seedError) = cli.Args.GetInt("seed", DemoPlan.DefaultSeed, 0, int.MaxValue);
        var endText = cli.Args.Get("end");
        // Without --end the data stops at 00:00 UTC today; the same --end and --seed give the same rows on any day.
        var end = DemoPlan.DefaultEndDay(cli.Services.GetRequiredService<TimeProvider>());
        var endError = endText is not null && !DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end)
            ? $"--end must be a date such as 2026-03-01; got '{endText}'."
            : null;
        var errors = new[] { customersError, daysError, seedError, endError }.OfType<string>().ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors) await cli.Error.WriteLineAsync($"error: {error}");
            await cli.Error.WriteLineAsync(Usage);
            return 1;
        }

        cli.Services.GetRequiredService<Migrator>().Migrate();
        var plan = new DemoPlan(customers, days, seed, end);
        await cli.Error.WriteLineAsync(
            $"seed-demo: {customers:N0} customers, {days} days from {plan.StartUtc:yyyy-MM-dd} to {plan.EndUtc:yyyy-MM-dd} 00:00 UTC, seed {seed}");
        var result = await cli.Services.GetRequiredService<DemoSeeder>()
            .SeedAsync(plan, line => cli.Error.WriteLine($"seed-demo: {line}"));
        if (!result.Seeded)
        {
            await cli.Error.WriteLineAsync($"error: {result.Refusal}");
            return 1;
        }
        await cli.Out.WriteLineAsync(
            $"Seeded {result.Customers:N0} customers, {result.Courses} courses, {result.Sessions:N0} live sessions, {result.Events:N0} events, " +
            $"{result.Orders:N0} orders, {result.Refunds:N0} refunds in {result.Elapsed.TotalSeconds:F1} s.");
        await cli.Error.WriteLineAsync($"seed-demo: {await DemoRollups.RunAsync(cli.Services)}");
        if (cli.Services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            var added = await DemoUsers.EnsureAsync(cli.Services.GetRequiredService<ConsoleUsers>());
            if (added.Count > 0) await cli.Out.WriteLineAsync($"Added demo users {string.Join(", ", added)} (password {DemoUsers.Password}).");
        }
        return 0;
    }
}
