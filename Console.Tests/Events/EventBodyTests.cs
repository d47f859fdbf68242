using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Console.Tests.Events;

/// <summary>An events batch through the one-pass reader: text that is not Unicode or an unknown field rejects one event only.</summary>
public sealed class EventBodyTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    [Fact]
    public async Task Bad_events_are_rejected_by_index_and_the_rest_stored()
    {
        var p = IngestionFixture.NewId("ev");
        var customer = IngestionFixture.NewId("cust");
        const string at = "2025-06-01T20:15:00+08:00";
        using var response = await fixture.Client.PostAsync("/api/v1/events", ProblemAssert.BadBytes($$"""
            [{"eventId":"{{p}}-0","customerExternalId":"{{customer}}","type":"like","occurredAt":"{{at}}"},
             {"eventId":"{{p}}-1","customerExternalId":"{{customer}}#","type":"like","occurredAt":"{{at}}"},
             {"eventId":"{{p}}-2","customerExternalId":"{{customer}}","type":"like","occurredAt":"{{at}}","ocurredAt":"{{at}}"},
             {"eventId":"{{p}}-3\ud800","customerExternalId":"{{customer}}","type":"like","occurredAt":"{{at}}"},
             {"eventId":"{{p}}-4","customerExternalId":"{{customer}}","type":"watch","occurredAt":"{{at}}","value":1e400},
             {"occurredAt":"{{at}}","type":"chat","customerExternalId":"{{customer}}","eventId":"{{p}}-5"}]
            """));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal([(1, "invalid_text"), (2, "unknown_field"), (3, "invalid_text"), (4, "invalid_value")], IngestionFixture.Rejections(body));
        Assert.Equal("Unknown field 'ocurredAt'; did you mean 'occurredAt'?", body.GetProperty("rejected")[1].GetProperty("message").GetString());
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(["like", "chat"], fixture.Query<string>(
            "SELECT type FROM events WHERE event_id LIKE @p ORDER BY event_id", new { p = p + "%" }));
    }
}
