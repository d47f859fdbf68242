using Console.Domain.Admin;
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
            .WithTags("Courses").Accepts<List<CourseIn>>("application/json").Produces<UpsertResult>()
            .Documented("UpsertCourses", "Upsert courses by externalId; bad items are listed in rejected[], the rest are stored.",
                new[] { new { externalId = "k-101", title = "Python for Data Analysis", listPrice = 199.00m, category = "programming", lecturer = "Zhang Min", status = "active" } });

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertCourses courses, CountRejections rejections, CancellationToken ct)
    {
        var (mapped, problem) = await IngestJson.ReadBatchAsync<CourseIn>(request, ct);
        if (problem is not null) return problem;
        var result = await courses.UpsertAsync(mapped!.Items, ct);
        return TypedResults.Ok(result with { Rejected = await mapped.MergeCountedAsync(result.Rejected, rejections, ct) });
    }
}
