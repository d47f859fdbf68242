using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Orders;

/// <summary>
/// One real host per test class, with a course, a customer and a live session put in by plain SQL
/// (ingestion is tested on its own). Tests use their own order ids, so they never see each other's rows.
/// </summary>
public sealed class OrdersFixture : IAsyncLifetime
{
    public const string Course = "course-199";
    public const long CoursePriceFen = 199_00;
    public const string FreeCourse = "course-free";
    public const string Customer = "cust-known";
    public const string LiveSession = "live-1";

    public ConsoleApp App { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    public Db Db => App.Store.Db;

    public async Task InitializeAsync()
    {
        Client = await App.ClientWithKeyAsync(ApiKeyScope.Ingest);
        await using var connection = await Db.OpenAsync();
        var now = DateTime.UtcNow;
        await connection.ExecuteAsync(
            """
            INSERT INTO courses (external_id, title, list_price, created_at, updated_at) VALUES (@Course, 'Sketching 101', @CoursePriceFen, @now, @now);
            INSERT INTO courses (external_id, title, list_price, created_at, updated_at) VALUES (@FreeCourse, 'Open lecture', 0, @now, @now);
            INSERT INTO customers (external_id, name, created_at, updated_at) VALUES (@Customer, 'Li Lei', @now, @now);
            INSERT INTO live_sessions (external_id, course_id, title, updated_at)
            SELECT @LiveSession, id, 'Launch night', @now FROM courses WHERE external_id = @Course;
            """, new { Course, CoursePriceFen, FreeCourse, Customer, LiveSession, now });
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public Task<HttpResponseMessage> CreateAsync(object body) => Client.PostAsJsonAsync("/api/v1/orders", body);

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        return json.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
