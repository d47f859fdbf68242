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

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertLiveSessions sessions, CancellationToken ct)
    {
        var (mapped, problem) = await IngestJson.ReadBatchAsync<LiveSessionIn>(request, ct);
        if (problem is not null) return problem;
        var result = await sessions.UpsertAsync(mapped!.Items, ct);
        return TypedResults.Ok(result with { Rejected = mapped.Merge(result.Rejected) });
    }
}
