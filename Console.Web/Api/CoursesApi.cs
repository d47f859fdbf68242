using Console.Domain.Courses;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Web.Api;

/// <summary>POST /api/v1/courses: upsert a batch of courses by externalId.</summary>
internal static class CoursesApi
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPost("/courses", UpsertAsync)
            .RequireAuthorization(ApiKeyAuthentication.IngestPolicy)
            .WithName("UpsertCourses").WithTags("Ingestion")
            .WithSummary("Upsert courses by externalId; bad items are listed in rejected[], the rest are stored.")
            .Produces<UpsertResult>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static readonly string[] Fields = ["externalId", "title", "listPrice", "category", "lecturer", "status"];

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertCourses courses, CancellationToken ct)
    {
        var body = await ApiBody.ReadBatchAsync(request, ct);
        if (body.Problem is not null) return body.Problem;
        var mapped = IngestJson.Map(body.Value!, Fields, v => new CourseIn(v[0], v[1], v[2], v[3], v[4], v[5]));
        var result = await courses.UpsertAsync(mapped.Items, ct);
        return TypedResults.Ok(result with { Rejected = mapped.Merge(result.Rejected) });
    }
}
