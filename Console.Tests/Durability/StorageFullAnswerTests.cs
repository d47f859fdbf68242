using System.Net.Http.Json;
using System.Text.Json;
using Console.Web.Api;
using Microsoft.Data.Sqlite;

namespace Console.Tests.Durability;

/// <summary>Which failures mean "no room left", and where the API document tells clients about the 503 they get then.</summary>
public sealed class StorageFullAnswerTests
{
    [Fact]
    public void Sqlite_full_is_storage_full_however_deeply_wrapped_and_other_failures_are_not()
    {
        var full = new SqliteException("database or disk is full", 13);

        Assert.True(StorageFull.Is(full));
        Assert.True(StorageFull.Is(new InvalidOperationException("write failed", full)));
        Assert.True(StorageFull.Is(new AggregateException(new TimeoutException(), full)));
        Assert.False(StorageFull.Is(new SqliteException("database is locked", 5)));
        Assert.False(StorageFull.Is(new SqliteException("disk I/O error", 10)));
        Assert.False(StorageFull.Is(new IOException("broken pipe")));
    }

    [Fact]
    public async Task Every_writing_operation_documents_the_storage_full_answer_and_reads_do_not()
    {
        using var app = new ConsoleApp();
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, o.Value)))
            .Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal) && o.Method is "get" or "post" or "put" or "patch" or "delete")
            .ToList();
        Assert.Contains(operations, o => o.Path == "/api/v1/events" && o.Method == "post");
        Assert.All(operations, o => Assert.True(o.Value.GetProperty("responses").TryGetProperty("503", out _) == (o.Method != "get"),
            $"{o.Method} {o.Path}"));
    }
}
