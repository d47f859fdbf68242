using Console.Domain.Data;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Migrations_apply_to_an_empty_database_and_a_second_run_changes_nothing()
    {
        using var store = new TempStore(migrate: false);
        var migrator = new Migrator(store.Db);
        var first = migrator.Migrate();
        Assert.Equal(Migrator.ScriptNames(Dialect.Sqlite).Count, first.Count);

        using var connection = store.Db.Open();
        var before = connection.Query<string>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").ToList();
        var second = migrator.Migrate();
        var after = connection.Query<string>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").ToList();

        Assert.Empty(second);
        Assert.Equal(before, after);
        Assert.Contains(before, s => s.Contains("CREATE TABLE orders", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_dialects_hold_the_same_script_numbers()
    {
        static IEnumerable<string> Numbers(Dialect d) =>
            Migrator.ScriptNames(d).Select(n => Path.GetFileName(n)[..4]);

        var sqlite = Numbers(Dialect.Sqlite).ToList();
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, Numbers(Dialect.SqlServer).ToList());
        Assert.All(sqlite, n => Assert.Matches("^[0-9]{4}$", n));
    }
}
