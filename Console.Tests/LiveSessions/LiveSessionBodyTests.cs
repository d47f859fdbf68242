using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Console.Tests.LiveSessions;

/// <summary>A live-sessions batch read into records by name; bad items are rejected one by one.</summary>
public sealed class LiveSessionBodyTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    [Fact]
    public async Task Bad_items_are_rejected_and_fields_are_read_by_name()
    {
        var course = await fixture.CourseAsync();
        var p = IngestionFixture.NewId("live");
        using var response = await fixture.Client.PostAsync("/api/v1/live-sessions", ProblemAssert.BadBytes($$"""
            [{"peakViewers":120,"host":"Teacher Wu","platform":"douyin","title":"By name","courseExternalId":"{{course}}","externalId":"{{p}}-0",
              "endedAt":"2025-05-01T21:00:00+08:00","startedAt":"2025-05-01T20:00:00+08:00","scheduledAt":"2025-05-01T19:30:00+08:00"},
             {"externalId":"{{p}}-1","courseExternalId":"{{course}}","title":"Host #"},
             {"externalId":"{{p}}-2","courseExternalId":"{{course}}","title":"Typo","peakViewer":3},
             {"externalId":"{{p}}-3","courseExternalId":"{{course}}","title":"Huge","peakViewers":1e400},
             {"externalId":"{{p}}-4","courseExternalId":"{{course}}","title":"\ud800"}]
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal([(1, "invalid_text"), (2, "unknown_field"), (3, "invalid_peak_viewers"), (4, "invalid_text")], IngestionFixture.Rejections(body));
        var row = Assert.Single(fixture.Query<(string Title, string Platform, string Host, DateTime Scheduled, DateTime Started, DateTime Ended, long Peak)>(
            """
            SELECT title, platform, host, scheduled_at, started_at, ended_at, peak_viewers FROM live_sessions WHERE external_id LIKE @p
            """, new { p = p + "%" }));
        Assert.Equal(("By name", "douyin", "Teacher Wu", new DateTime(2025, 5, 1, 11, 30, 0), new DateTime(2025, 5, 1, 12, 0, 0),
            new DateTime(2025, 5, 1, 13, 0, 0), 120L), row);
    }
}
