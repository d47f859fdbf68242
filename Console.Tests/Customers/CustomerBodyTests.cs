using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Console.Tests.Customers;

/// <summary>A customers batch read into records by name: a bad item is rejected by its index and never costs the others.</summary>
public sealed class CustomerBodyTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    private async Task<JsonElement> PostAsync(HttpContent content)
    {
        using var response = await fixture.Client.PostAsync("/api/v1/customers", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private int Stored(string prefix) =>
        fixture.Scalar<int>("SELECT COUNT(*) FROM customers WHERE external_id LIKE @p", new { p = prefix + "%" });

    [Fact]
    public async Task Text_that_is_not_unicode_rejects_only_its_item()
    {
        var p = IngestionFixture.NewId("utf");
        var body = await PostAsync(ProblemAssert.BadBytes($$"""
            [{"externalId":"{{p}}-0","name":"Li #"},
             {"externalId":"{{p}}-1","name":"Wang Fang"},
             {"externalId":"{{p}}-2","city":"\ud800"},
             {"externalId":"{{p}}-3","city":"\ud83d\ude00 Hangzhou"},
             {"externalId":"{{p}}-4","\udc00":"x"}]
            """));

        Assert.Equal([(0, "invalid_text"), (2, "invalid_text"), (4, "invalid_text")], IngestionFixture.Rejections(body));
        Assert.Equal("name is not valid Unicode text.", body.GetProperty("rejected")[0].GetProperty("message").GetString());
        Assert.Equal(2, body.GetProperty("upserted").GetInt32());
        Assert.Equal(2, Stored(p));
        Assert.Equal("\U0001F600 Hangzhou", fixture.Scalar<string>("SELECT city FROM customers WHERE external_id = @id", new { id = p + "-3" }));
    }

    [Fact]
    public async Task An_unknown_field_rejects_its_item_naming_the_field()
    {
        var p = IngestionFixture.NewId("unk");
        var body = await PostAsync(ProblemAssert.Json($$"""
            [{"externalId":"{{p}}-0","emailOptin":true},{"externalId":"{{p}}-1"},{"externalId":"{{p}}-2","loyaltyTier":"gold"}]
            """));

        Assert.Equal([(0, "unknown_field"), (2, "unknown_field")], IngestionFixture.Rejections(body));
        var messages = body.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("message").GetString()!).ToArray();
        Assert.Equal(["Unknown field 'emailOptin'; did you mean 'emailOptIn'?", "Unknown field 'loyaltyTier'."], messages);
        Assert.Equal(1, Stored(p));
    }

    [Fact]
    public async Task Fields_are_read_by_name_whatever_their_order()
    {
        var id = IngestionFixture.NewId("order");
        await PostAsync(ProblemAssert.Json($$"""
            [{"createdAt":"2025-03-01T09:30:00+08:00","source":"kol","city":"Chengdu","phone":"13800000000","name":"Han Mei",
              "email":"han.mei@example.com","emailOptIn":"yes","externalId":"{{id}}"}]
            """));

        var row = Assert.Single(fixture.Query<(string Email, string Name, string Phone, string City, string Source, long OptIn)>(
            "SELECT email, name, phone, city, source, email_opt_in FROM customers WHERE external_id = @id", new { id }));
        var personal = fixture.App.Service<Console.Domain.Data.PersonalData>();
        Assert.Equal(("han.mei@example.com", "Han Mei", "13800000000", "Chengdu", "kol", 1L),
            row with { Email = personal.Open(row.Email)!, Phone = personal.Open(row.Phone)! });
    }
}
