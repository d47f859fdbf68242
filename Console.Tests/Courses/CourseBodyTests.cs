using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Console.Tests.Courses;

/// <summary>A courses batch: a price past what money can hold, text that is not Unicode or an unknown field rejects one item only.</summary>
public sealed class CourseBodyTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    [Fact]
    public async Task Bad_items_are_rejected_by_index_and_the_rest_stored()
    {
        var p = IngestionFixture.NewId("price");
        using var response = await fixture.Client.PostAsync("/api/v1/courses", ProblemAssert.BadBytes($$"""
            [{"externalId":"{{p}}-0","title":"Huge","listPrice":1e28},
             {"externalId":"{{p}}-1","title":"Beyond double","listPrice":1e400},
             {"externalId":"{{p}}-2","title":"As text","listPrice":"79228162514264337593543950335"},
             {"externalId":"{{p}}-3","title":"Fine","listPrice":199.00},
             {"externalId":"{{p}}-4","title":"Bad # byte","listPrice":1},
             {"externalId":"{{p}}-5","title":"Typo","listprice":1},
             {"externalId":"{{p}}-6","title":"Lone \udbff","listPrice":1},
             {"listPrice":5,"title":"Order of fields","externalId":"{{p}}-7"}]
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(
            [(0, "invalid_list_price"), (1, "invalid_list_price"), (2, "invalid_list_price"), (4, "invalid_text"), (5, "unknown_field"), (6, "invalid_text")],
            IngestionFixture.Rejections(body));
        Assert.Equal("Unknown field 'listprice'; did you mean 'listPrice'?", body.GetProperty("rejected")[4].GetProperty("message").GetString());
        var stored = fixture.Query<(string Id, string Title, long Price)>(
            "SELECT external_id, title, list_price FROM courses WHERE external_id LIKE @p ORDER BY external_id", new { p = p + "%" });
        Assert.Equal([(p + "-3", "Fine", 199_00L), (p + "-7", "Order of fields", 5_00L)], stored);
    }
}
