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

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertCourses courses, CancellationToken ct)
    {
        var (mapped, problem) = await IngestJson.ReadBatchAsync<CourseIn>(request, ct);
        if (problem is not null) return problem;
        var result = await courses.UpsertAsync(mapped!.Items, ct);
        return TypedResults.Ok(result with { Rejected = mapped.Merge(result.Rejected) });
    }
}
