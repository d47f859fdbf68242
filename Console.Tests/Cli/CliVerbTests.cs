using Console.Domain.Data;
using Console.Tests.Support;
using Console.Web.Cli;
using Dapper;

namespace Console.Tests.Cli;

public sealed class CliVerbTests : IDisposable
{
    private readonly TempStore _store = new(migrate: false);

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliVerbs.RunAsync([.. args, $"--Database:Path={_store.Path}"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Migrate_applies_then_reports_up_to_date()
    {
        var first = await Run("migrate");
        var second = await Run("migrate");
        Assert.Equal(0, first.Code);
        Assert.Contains("0001_core.sql", first.Out);
        Assert.Contains($"applying {Migrator.ScriptNames(Dialect.Sqlite).Count} script(s): db/sqlite/0001_core.sql", first.Err);
        Assert.Equal(0, second.Code);
        Assert.Contains("already up to date", second.Out);
        Assert.DoesNotContain("applying", second.Err);
    }

    [Fact]
    public async Task User_add_creates_a_user_and_refuses_bad_input_with_reasons()
    {
        var ok = await Run("user", "add", "--email", "ops@example.com", "--role", "manager", "--password", "long enough pass");
        var bad = await Run("user", "add", "--email", "nope", "--role", "Boss", "--password", "short");
        var again = await Run("user", "add", "--email", "OPS@example.com", "--role", "Admin", "--password", "long enough pass");

        Assert.Equal(0, ok.Code);
        Assert.Contains("Added Manager ops@example.com", ok.Out);
        Assert.Equal(1, bad.Code);
        Assert.Contains("--email", bad.Err);
        Assert.Contains("--role", bad.Err);
        Assert.Contains("--password", bad.Err);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists", again.Err);
        using var connection = _store.Db.Open();
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM console_users"));
        Assert.NotEqual("long enough pass", connection.ExecuteScalar<string>("SELECT password_hash FROM console_users"));
    }

    [Fact]
    public async Task Apikey_create_prints_the_key_once_and_stores_only_its_hash()
    {
        var result = await Run("apikey", "create", "--name", "storefront", "--scope", "manage");
        var bad = await Run("apikey", "create", "--name", "x", "--scope", "root");

        Assert.Equal(0, result.Code);
        var key = result.Out.Trim();
        Assert.StartsWith("cc_", key);
        Assert.Equal(1, bad.Code);
        Assert.Contains("--scope", bad.Err);
        using var connection = _store.Db.Open();
        var stored = connection.QuerySingle<(string Hash, string Scope)>("SELECT key_hash, scope FROM api_keys");
        Assert.Equal("manage", stored.Scope);
        Assert.DoesNotContain(key, stored.Hash);
    }

    [Fact]
    public async Task Import_orders_stores_good_rows_and_reports_each_bad_row_with_line_and_column()
    {
        await Run("migrate");
        using (var connection = _store.Db.Open())
            connection.Execute("""
                INSERT INTO courses (external_id, title, list_price, created_at, updated_at)
                VALUES ('course-1', 'Python 入门', 19900, '2026-01-01 00:00:00', '2026-01-01 00:00:00')
                """);
        var csv = Path.Combine(_store.Directory, "orders.csv");
        await File.WriteAllTextAsync(csv, """
            orderId,customerExternalId,courseExternalId,channel,paidAt
            o-1,c-1,course-1,live_room,2026-11-01T20:00:00+08:00
            o-2,c-2,no-such-course,storefront,2026-11-01T20:00:00+08:00
            o-3,c-3,course-1,storefront,yesterday
            o-4,c-4,course-1,,
            """);

        var result = await Run("import", "orders", csv);

        Assert.True(result.Code == 1, result.Err);
        Assert.Contains("line 3, column courseExternalId: unknown_course", result.Err);
        Assert.Contains("line 4, column paidAt", result.Err);
        Assert.True(result.Out.Contains("2 stored, 2 refused"), result.Out + result.Err);
        using var check = _store.Db.Open();
        Assert.Equal(["o-1", "o-4"], check.Query<string>("SELECT order_id FROM orders ORDER BY order_id"));
    }

    [Fact]
    public async Task Import_refuses_a_file_without_the_required_columns_and_stores_nothing()
    {
        var csv = Path.Combine(_store.Directory, "bad.csv");
        await File.WriteAllTextAsync(csv, "id,name\n1,x\n");

        var result = await Run("import", "orders", csv);
        var missing = await Run("import", "orders", Path.Combine(_store.Directory, "absent.csv"));

        Assert.Equal(1, result.Code);
        Assert.Contains("lacks required column(s) orderId, customerExternalId, courseExternalId", result.Err);
        Assert.Equal(1, missing.Code);
        Assert.Contains("no such file", missing.Err);
    }

    public void Dispose() => _store.Dispose();
}
