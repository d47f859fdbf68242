using System.Text;
using Console.Tests.Support;
using Console.Web.Cli;
using Dapper;

namespace Console.Tests.Cli;

public sealed class ImportTests : IDisposable
{
    private readonly TempStore _store = new();

    private async Task<(int Code, string Out, string Err)> Import(string kind, string csv)
    {
        var path = Path.Combine(_store.Directory, $"{kind}-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliVerbs.RunAsync(["import", kind, path, $"--Database:Path={_store.Path}"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Each_kind_imports_through_the_same_rules_as_the_api()
    {
        var courses = await Import("courses", "externalId,title,listPrice,category\nc-1,数据分析实战,299.00,data\nc-2,,10,data\nc-3,Bad price,12.345,data\n");
        var sessions = await Import("live-sessions", "externalId,courseExternalId,title,platform\nl-1,c-1,周三晚直播,douyin\nl-2,c-404,Lost,douyin\n");
        var customers = await Import("customers", "externalId,email,name,city,emailOptIn\nu-1,li@example.com,李雷,上海,true\n,x@example.com,No id,,\n");
        var events = await Import("events", """
            eventId,customerExternalId,type,occurredAt,courseExternalId,liveSessionExternalId,value
            e-1,u-1,watch,2026-11-01T20:00:00+08:00,c-1,l-1,600
            e-1,u-1,watch,2026-11-01T20:00:00+08:00,c-1,l-1,600
            e-2,u-2,teleport,2026-11-01T20:00:00+08:00,,,
            e-3,u-1,chat,2026-11-01T20:01:00+08:00,,l-404,
            """);

        Assert.Equal(1, courses.Code);
        Assert.Contains("line 3, column title: missing_title", courses.Err);
        Assert.Contains("line 4, column listPrice: invalid_list_price", courses.Err);
        Assert.Contains("1 stored, 2 refused", courses.Out);
        Assert.Equal(1, sessions.Code);
        Assert.Contains("line 3, column courseExternalId: unknown_course", sessions.Err);
        Assert.Equal(1, customers.Code);
        Assert.Contains("line 3, column externalId: missing_external_id", customers.Err);
        Assert.Equal(1, events.Code);
        Assert.Contains("line 4, column type: unknown_type", events.Err);
        Assert.Contains("line 5, column liveSessionExternalId: unknown_live_session", events.Err);
        Assert.Contains("4 rows read, 1 stored, 1 already stored, 2 refused.", events.Out);

        using var connection = _store.Db.Open();
        Assert.Equal(29900, connection.ExecuteScalar<long>("SELECT list_price FROM courses WHERE external_id = 'c-1'"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM courses"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM live_sessions"));
        Assert.Equal("李雷", connection.ExecuteScalar<string>("SELECT name FROM customers WHERE external_id = 'u-1'"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task A_large_clean_file_shows_progress_and_exits_zero()
    {
        var csv = new StringBuilder("eventId,customerExternalId,type,occurredAt\n");
        for (var i = 0; i < 20_000; i++) csv.Append($"evt-{i:D8},cust-{i % 700},page_view,2026-10-{1 + i % 28:D2}T12:00:00+08:00\n");

        var result = await Import("events", csv.ToString());

        Assert.True(result.Code == 0, result.Err);
        Assert.Contains("progress:", result.Err);
        Assert.Contains("20,000 rows read, 20,000 stored, 0 refused", result.Out);
        var again = await Import("events", csv.ToString());
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("20,000 rows read, 0 stored, 20,000 already stored, 0 refused", again.Out);
        using var connection = _store.Db.Open();
        Assert.Equal(20_000, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM events"));
        Assert.Equal(700, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM customers WHERE is_stub = 1"));
    }

    [Fact]
    public async Task An_unknown_kind_prints_usage() =>
        Assert.Equal(2, (await Import("coupons", "code\nX\n")).Code);

    public void Dispose() => _store.Dispose();
}
