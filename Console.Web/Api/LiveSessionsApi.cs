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
            .WithName("UpsertLiveSessions").WithTags("Ingestion")
            .WithSummary("Upsert live sessions by externalId; the course must be known (unknown_course otherwise).")
            .Produces<UpsertResult>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static readonly string[] Fields =
        ["externalId", "courseExternalId", "title", "platform", "host", "scheduledAt", "startedAt", "endedAt", "peakViewers"];

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertLiveSessions sessions, CancellationToken ct)
    {
        var body = await ApiBody.ReadBatchAsync(request, ct);
        if (body.Problem is not null) return body.Problem;
        var mapped = IngestJson.Map(body.Value!, Fields, v => new LiveSessionIn(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
        var result = await sessions.UpsertAsync(mapped.Items, ct);
        return TypedResults.Ok(result with { Rejected = mapped.Merge(result.Rejected) });
    }
}
