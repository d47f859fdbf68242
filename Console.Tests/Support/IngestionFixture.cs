using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Support;

/// <summary>One real host per test class; tests keep apart by using their own external ids.</summary>
public sealed class IngestionFixture : IAsyncLifetime
{
    public ConsoleApp App { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync() => Client = await App.ClientWithKeyAsync();

    public Task DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var response = await Client.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, json);
    }

    /// <summary>The rejections of an answer as (index, error) pairs.</summary>
    public static List<(int Index, string Error)> Rejections(JsonElement body) =>
        body.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("error").GetString()!)).ToList();

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = App.Store.Db.Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public List<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = App.Store.Db.Open();
        return connection.Query<T>(sql, parameters).ToList();
    }

    public async Task<string> CourseAsync(decimal price = 199m)
    {
        var id = NewId("course");
        var (status, _) = await PostAsync("/api/v1/courses", new[] { new { externalId = id, title = "Course " + id, listPrice = price } });
        Assert.Equal(HttpStatusCode.OK, status);
        return id;
    }

    public async Task<string> LiveSessionAsync(string courseId)
    {
        var id = NewId("live");
        var (status, _) = await PostAsync("/api/v1/live-sessions", new[] { new { externalId = id, courseExternalId = courseId, title = "Live " + id } });
        Assert.Equal(HttpStatusCode.OK, status);
        return id;
    }
}
