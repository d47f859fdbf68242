using System.ComponentModel;
using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Recommendations;

namespace Console.Web.Api;

/// <summary>GET /api/v1/recommendations/{customerExternalId}: courses for a customer from the active recommender (API.md "Recommendations and models").</summary>
internal static class RecommendationsApi
{
    public const int DefaultItems = 10;
    private static readonly string[] Known = ["n", "context"];

    public static void Map(RouteGroupBuilder v1) =>
        v1.MapGet("/recommendations/{customerExternalId}", ListAsync)
            .RequireAuthorization(ApiKeyAuthentication.IngestPolicy)
            .WithTags("Recommendations").Produces<RecommendationsAnswer>()
            .Documented("GetRecommendations",
                "Up to n courses for a customer, never one they bought; with context, up to half are bought together with that course. " +
                "An unknown or new customer gets popular courses in the category they last looked at, then popular ones. " +
                "409 model_not_trained until a recommender has been trained.", null, ModelsApi.ModelNotTrained);

    public sealed record ModelAnswer(long Id, string Kind, DateTimeOffset TrainedAt);

    /// <summary>Score orders the list and is comparable only between items of the same reason.</summary>
    public sealed record ItemAnswer(string CourseExternalId, double Score, string Reason);

    public sealed record RecommendationsAnswer(ModelAnswer Model, IReadOnlyList<ItemAnswer> Items);

    private static async Task<IResult> ListAsync(HttpRequest request, string customerExternalId,
        [Description("How many courses, 1 to 50; default 10.")] string? n,
        [Description("The course the customer is looking at (its externalId): bought-together courses come first.")] string? context,
        GetRecommendations recommendations, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var unknown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in request.Query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
            unknown[key] = [UnknownFields.Message(UnknownFields.Nearest(key, Known))];
        if (unknown.Count > 0) return Problems.Validation(unknown);
        if (request.Query.Any(q => q.Value.Count > 1)) return Problems.BadRequest("Give each query parameter once.");
        // Read as sent: binding would turn an empty value into no value at all.
        n = request.Query.TryGetValue("n", out var nText) ? nText.ToString() : null;
        context = request.Query.TryGetValue("context", out var contextText) ? contextText.ToString() : null;
        var count = DefaultItems;
        if (n is not null && (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > GetRecommendations.MaxItems))
            errors.Add("n", FieldCodes.Between, 1, GetRecommendations.MaxItems);
        if (context is not null && string.IsNullOrWhiteSpace(context)) errors.Add("context", FieldCodes.Required);
        else if (context is { Length: > IngestFields.MaxIdLength }) errors.Add("context", FieldCodes.TooLong, IngestFields.MaxIdLength);
        if (customerExternalId.Length > IngestFields.MaxIdLength) errors.Add("customerExternalId", FieldCodes.TooLong, IngestFields.MaxIdLength);
        if (!errors.Valid) return Problems.Validation(errors);

        return await recommendations.ExecuteAsync(customerExternalId, count, context, ct) switch
        {
            GetRecommendations.Outcome.Listed l => TypedResults.Ok(new RecommendationsAnswer(
                new ModelAnswer(l.Model.Id, l.Model.Kind, l.Model.TrainedAt),
                l.Items.Select(i => new ItemAnswer(i.CourseExternalId, i.Score, i.Reason)).ToList())),
            GetRecommendations.Outcome.UnknownContext u => Problems.Validation(With("context", FieldCodes.UnknownCourse, u.CourseExternalId)),
            GetRecommendations.Outcome.NoModel => Problems.Refusal(ModelsApi.ModelNotTrained,
                "No recommender is active yet; run `models train recommender` or wait for the nightly job."),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static FieldErrors With(string field, string code, params object[] args)
    {
        var errors = new FieldErrors();
        errors.Add(field, code, args);
        return errors;
    }
}
