using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Web.Api;

/// <summary>POST /api/v1/events: accept a batch of behaviour events, idempotent by eventId.</summary>
internal static class EventsApi
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPost("/events", IngestAsync)
            .RequireAuthorization(ApiKeyAuthentication.IngestPolicy)
            .WithTags("Events").Accepts<List<EventIn>>("application/json").Produces<IngestResult>(StatusCodes.Status202Accepted)
            .Documented("IngestEvents", "Store behaviour events; repeats of an eventId count as duplicates, bad items are listed in rejected[].",
                new[] { new { eventId = "e-90001", customerExternalId = "c-1001", type = "watch", occurredAt = "2026-11-28T20:15:00+08:00",
                    courseExternalId = "k-101", liveSessionExternalId = "ls-2001", value = 600 } });

    private static readonly string[] Fields =
        ["eventId", "customerExternalId", "type", "occurredAt", "courseExternalId", "liveSessionExternalId", "value", "couponCode", "clickId"];

    private static readonly byte[][] Names = IngestJson.Utf8Names(Fields);
    private static readonly string[] Types = IngestEvents.Types.Order(StringComparer.Ordinal).ToArray();

    // Events are the high-volume feed, so they are read in one pass over the raw body rather than through a document.
    private static async Task<IResult> IngestAsync(HttpRequest request, IngestEvents events, CountRejections rejections, CancellationToken ct)
    {
        IngestJson.Mapped<EventIn> mapped;
        using (var body = await IngestJson.ReadBodyAsync(request, ct))
        {
            if (body is null) return TooLarge();
            var (parsed, problem) = IngestJson.Parse(body.Span, Fields, Names,
                v => new EventIn(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]), Types);
            if (problem is not null) return Problems.BadRequest(problem);
            mapped = parsed!;
        }
        var result = await events.IngestAsync(mapped.Items, ct);
        return TypedResults.Json(result with { Rejected = await mapped.MergeCountedAsync(result.Rejected, rejections, ct) }, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Body too large", detail: $"The body must be at most {ApiBody.MaxBytes / 1024 / 1024} MB.");
}
