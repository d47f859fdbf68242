using Console.Domain.Events;

namespace Console.Web.Api;

/// <summary>POST /api/v1/events: accept a batch of behaviour events, idempotent by eventId.</summary>
internal static class EventsApi
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPost("/events", IngestAsync)
            .RequireAuthorization(ApiKeyAuthentication.IngestPolicy)
            .WithName("IngestEvents").WithTags("Ingestion")
            .WithSummary("Store behaviour events; repeats of an eventId count as duplicates, bad items are listed in rejected[].")
            .Produces<IngestResult>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static readonly string[] Fields =
        ["eventId", "customerExternalId", "type", "occurredAt", "courseExternalId", "liveSessionExternalId", "value"];

    private static async Task<IResult> IngestAsync(HttpRequest request, IngestEvents events, CancellationToken ct)
    {
        var body = await ApiBody.ReadBatchAsync(request, ct);
        if (body.Problem is not null) return body.Problem;
        var mapped = IngestJson.Map(body.Value!, Fields, v => new EventIn(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
        var result = await events.IngestAsync(mapped.Items, ct);
        return TypedResults.Json(result with { Rejected = mapped.Merge(result.Rejected) }, statusCode: StatusCodes.Status202Accepted);
    }
}
