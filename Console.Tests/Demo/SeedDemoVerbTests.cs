using Console.Tests.Support;
using Console.Web.Cli;
using Dapper;

namespace Console.Tests.Demo;

public sealed class SeedDemoVerbTests
{
    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliVerbs.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_verb_seeds_with_progress_and_then_refuses_a_second_run()
    {
        using var store = new TempStore(migrate: false);
        string[] args = ["seed-demo", "--customers", "300", "--days", "7", "--seed", "3", "--end", "2026-01-15", $"--Database:Path={store.Path}"];

        var first = await RunAsync(args);

        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("seed-demo: events", first.Error);
        Assert.Contains("from 2026-01-08 to 2026-01-15", first.Error);
        Assert.Contains("Seeded 300 customers", first.Out);
        using var connection = store.Db.Open();
        Assert.Equal(300, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM customers"));
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(1) FROM orders") > 0);
        // Outside Development the seed creates no console accounts.
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM console_users"));
        var before = DemoTestData.HashAll(store.Db);

        var second = await RunAsync(args);

        Assert.Equal(1, second.Exit);
        Assert.Contains("already holds customers", second.Error);
        Assert.Equal(before, DemoTestData.HashAll(store.Db));
    }

    [Fact]
    public async Task Bad_options_exit_1_and_say_which_one()
    {
        using var store = new TempStore(migrate: false);
        var result = await RunAsync("seed-demo", "--customers", "0", "--end", "01/03/2026", $"--Database:Path={store.Path}");

        Assert.Equal(1, result.Exit);
        Assert.Contains("--customers must be", result.Error);
        Assert.Contains("--end must be a date", result.Error);
        Assert.Contains("usage: seed-demo", result.Error);
        using var connection = store.Db.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(1) FROM sqlite_master WHERE name = 'customers'"));
    }

    [Fact]
    public async Task In_Development_the_verb_adds_one_user_per_role()
    {
        using var store = new TempStore(migrate: false);
        var result = await RunAsync("seed-demo", "--customers", "50", "--days", "3", "--end", "2026-01-15",
            "--environment", "Development", $"--Database:Path={store.Path}");

        Assert.True(result.Exit == 0, result.Error);
        using var connection = store.Db.Open();
        var users = connection.Query<(string Email, string Role)>("SELECT email, role FROM console_users ORDER BY email").ToList();
        Assert.Equal([("admin@demo.local", "Admin"), ("manager@demo.local", "Manager"), ("marketer@demo.local", "Marketer")], users);
    }
}
