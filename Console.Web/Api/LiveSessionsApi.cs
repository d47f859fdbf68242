using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Events;
using Console.Domain.LiveSessions;

namespace Console.Web.Api;

/// <summary>POST /api/v1/live-sessions: upsert a batch of live sessions by externalId.</summary>
internal static class LiveSessionsApi
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPost("/live-sessions", UpsertAsync)
            .RequireAuthorization(ApiKeyAuthentication.IngestPolicy)
            .WithTags("Live sessions").Accepts<List<LiveSessionIn>>("application/json").Produces<UpsertResult>()
            .Documented("UpsertLiveSessions", "Upsert live sessions by externalId; the course must be known (unknown_course otherwise).",
                new[] { new { externalId = "ls-2001", courseExternalId = "k-101", title = "Python night: pandas in one hour", platform = "douyin",
                    host = "Zhang Min", scheduledAt = "2026-11-28T20:00:00+08:00", startedAt = "2026-11-28T20:02:00+08:00",
                    endedAt = "2026-11-28T21:10:00+08:00", peakViewers = 1520 } });

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertLiveSessions sessions, CountRejections rejections, CancellationToken ct)
    {
        var (mapped, problem) = await IngestJson.ReadBatchAsync<LiveSessionIn>(request, ct);
        if (problem is not null) return problem;
        var result = await sessions.UpsertAsync(mapped!.Items, ct);
        return TypedResults.Ok(result with { Rejected = await mapped.MergeCountedAsync(result.Rejected, rejections, ct) });
    }
}
