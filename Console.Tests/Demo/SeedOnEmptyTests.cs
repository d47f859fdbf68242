using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Demo;

public sealed class SeedOnEmptyTests
{
    private static Dictionary<string, string?> Settings(string? environment = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Demo:SeedOnEmpty"] = "true",
            ["Demo:Customers"] = "200",
            ["Demo:Days"] = "7",
        };
        if (environment is not null) settings["environment"] = environment;
        return settings;
    }

    [Fact]
    public async Task Starting_on_an_empty_store_fills_it_without_accounts_outside_Development()
    {
        using var app = new ConsoleApp(Settings());
        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);

        using var connection = app.Store.Db.Open();
        Assert.Equal(200, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM customers"));
        Assert.Equal(40, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM courses"));
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(1) FROM events") > 0);
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(1) FROM orders") > 0);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM console_users"));
        // The seeded orders are already in the rollups the dashboard reads.
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM orders WHERE rolled_up = 0"));
        Assert.Equal(connection.ExecuteScalar<long>("SELECT SUM(payable) FROM orders"),
            connection.ExecuteScalar<long>("SELECT SUM(gross) FROM daily_channel_sales"));
        // The seeded survey answers are analysed, so the first results page has figures.
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(1) FROM survey_responses") > 0);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM survey_responses WHERE analysed = 0"));
        Assert.Equal(connection.ExecuteScalar<long>("SELECT COUNT(1) FROM surveys"),
            connection.ExecuteScalar<long>("SELECT COUNT(1) FROM survey_snapshots WHERE computed_at IS NOT NULL"));
        // Every model kind's first training waits in the job queue (this host runs no job server).
        var queued = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().Queues()
            .SelectMany(q => q.FirstJobs).Select(j => j.Value.Job).Where(j => j.Type == typeof(Console.Jobs.Models.TrainModelJob))
            .Select(j => (string)j.Args[0]).Order().ToList();
        Assert.Equal(app.Services.GetRequiredService<Console.Domain.Models.TrainModel>().Kinds, queued);
    }

    [Fact]
    public async Task In_Development_the_seed_adds_the_demo_users_who_can_sign_in()
    {
        using var app = new ConsoleApp(Settings("Development"));
        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);

        using var connection = app.Store.Db.Open();
        Assert.Equal(200, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM customers"));
        var users = connection.Query<(string Email, string Role, string Hash)>(
            "SELECT email, role, password_hash FROM console_users ORDER BY email").ToList();
        Assert.Equal(["admin@demo.local", "manager@demo.local", "marketer@demo.local"], users.Select(u => u.Email));
        Assert.Equal([Roles.Admin, Roles.Manager, Roles.Marketer], users.Select(u => u.Role));
        Assert.All(users, u => Assert.True(ConsoleUsers.VerifyPassword(u.Hash, DemoUsers.Password)));
    }

    [Fact]
    public async Task A_store_with_data_is_not_seeded_again()
    {
        using var app = new ConsoleApp(Settings());
        new Migrator(app.Store.Db).Migrate();
        await DemoTestData.SeedAsync(app.Store, customers: 30, days: 2, seed: 9);
        var before = DemoTestData.HashAll(app.Store.Db);

        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);

        Assert.Equal(before, DemoTestData.HashAll(app.Store.Db));
    }
}
