using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Coupons;

/// <summary>
/// One real host per test class with a few courses (two categories), known customers and a live session, put in by
/// plain SQL. Tests create their own campaigns and use their own order and customer ids, so they never share state.
/// </summary>
public sealed class PromoFixture : ApiFixture
{
    public const string Course = "c-art-199";        // 199.00, category art
    public const string CheapCourse = "c-art-50";    // 50.00, category art
    public const string OtherCourse = "c-code-300";  // 300.00, category code
    public const string Customer = "cust-1";
    public const string LiveSession = "live-promo";

    protected override async Task SeedAsync(System.Data.Common.DbConnection connection, DateTime now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Course, 'Painting', 'art', 19900, @now, @now);
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@CheapCourse, 'Sketching', 'art', 5000, @now, @now);
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@OtherCourse, 'C#', 'code', 30000, @now, @now);
            INSERT INTO customers (external_id, name, created_at, updated_at) VALUES (@Customer, 'Han Meimei', @now, @now);
            INSERT INTO live_sessions (external_id, course_id, title, updated_at)
            SELECT @LiveSession, id, 'Art night', @now FROM courses WHERE external_id = @Course;
            """, new { Course, CheapCourse, OtherCourse, Customer, LiveSession, now });
    }

    /// <summary>Creates a campaign (active, shared random code unless the body says otherwise) and returns its id and codes.</summary>
    public async Task<(long Id, string[] Codes)> CouponAsync(Dictionary<string, object?> body)
    {
        body.TryAdd("name", "Test campaign");
        body.TryAdd("status", "active");
        if (!body.ContainsKey("generateCodes")) body.TryAdd("code", NewId("C").ToUpperInvariant());
        var response = await Manage.PostAsJsonAsync("/api/v1/coupon-campaigns", body);
        var json = await JsonAsync(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json.ToString());
        return (json.GetProperty("id").GetInt64(), json.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    public async Task<long> GroupBuyAsync(Dictionary<string, object?> body)
    {
        body.TryAdd("name", "Team up");
        body.TryAdd("courseExternalId", Course);
        body.TryAdd("status", "active");
        var response = await Manage.PostAsJsonAsync("/api/v1/group-buy-campaigns", body);
        var json = await JsonAsync(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetInt64();
    }

    public Task<HttpResponseMessage> OrderAsync(object body) => Ingest.PostAsJsonAsync("/api/v1/orders", body);

    public Task<HttpResponseMessage> OrderAsync(string customer, string course, params string[] codes) =>
        OrderAsync(new { orderId = NewId("o"), customerExternalId = customer, courseExternalId = course, couponCodes = codes });

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

    public static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        return json.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
