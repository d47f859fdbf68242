using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Experiments;

/// <summary>
/// One real host per test class with two courses and a known customer. Tests create their own experiments, campaigns and
/// customers with fresh ids, so they never share state.
/// </summary>
public sealed class ExperimentsFixture : ApiFixture
{
    public const string Course = "x-course-199";     // 199.00
    public const string OtherCourse = "x-course-300"; // 300.00

    protected override async Task SeedAsync(System.Data.Common.DbConnection connection, DateTime now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Course, 'Painting', 'art', 19900, @now, @now);
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@OtherCourse, 'C#', 'code', 30000, @now, @now);
            """, new { Course, OtherCourse, now });
    }

    /// <summary>A body for POST /experiments with two 50/50 variants on conversion; entries given replace the defaults.</summary>
    public static Dictionary<string, object?> Body(string key, params (string Name, object? Value)[] fields)
    {
        var body = new Dictionary<string, object?>
        {
            ["key"] = key,
            ["name"] = "Test " + key,
            ["variants"] = new object[] { new { key = "control", weight = 50 }, new { key = "treatment", weight = 50 } },
            ["metric"] = new { kind = "conversion" },
        };
        foreach (var (name, value) in fields) body[name] = value;
        return body;
    }

    public async Task<long> CreateAsync(Dictionary<string, object?> body)
    {
        var response = await Manage.PostAsJsonAsync("/api/v1/experiments", body);
        var json = await JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetInt64();
    }

    public async Task<JsonElement> AssignAsync(string key, string customer)
    {
        var response = await Ingest.GetAsync($"/api/v1/experiments/{key}/assignment?customer={Uri.EscapeDataString(customer)}");
        var json = await JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    public async Task<(long Id, string[] Codes)> CouponAsync(object body)
    {
        var response = await Manage.PostAsJsonAsync("/api/v1/coupon-campaigns", body);
        var json = await JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return (json.GetProperty("id").GetInt64(), json.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
