using System.Security.Claims;
using Console.Domain.Models;

namespace Console.Web.Api;

/// <summary>The model registry and the propensity answer (API.md "Recommendations and models").</summary>
internal static class ModelsApi
{
    public const string ModelNotTrained = "model_not_trained";
    public const string UnknownCustomer = "unknown_customer";
    public const string UnknownCourse = "unknown_course";

    public static void Map(RouteGroupBuilder v1)
    {
        var models = v1.MapGroup("/models").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Models");
        models.MapGet("", ListAsync).Produces<List<ModelAnswer>>()
            .Documented("ListModels", "Every stored model version of every kind, with its figures and whether it is active.");
        models.MapPost("/{id:long}/activate", ActivateAsync).Accepts<ActivateInput>(isOptional: true, "application/json")
            .Produces<ActivationAnswer>()
            .Documented("ActivateModel", "Make this version the active one of its kind (a rollback when it is older); written to the audit log with the reason, if one is given.",
                new ActivateInput("The new version over-predicts for first-time buyers."));
        v1.MapGet("/propensity/{customerExternalId}", PropensityAsync).RequireAuthorization(ApiKeyAuthentication.IngestPolicy)
            .WithTags("Models").Produces<PropensityAnswerBody>()
            .Documented("GetPropensity",
                "The customer's probability of buying the course (or, without courseExternalId, the course they are likeliest to buy) within the model's horizon, with the factors that moved it most.",
                null, UnknownCustomer, UnknownCourse, ModelNotTrained).NotFoundWith(UnknownCourse);
    }

    /// <summary>The body is optional: a reason, kept in the audit entry.</summary>
    public sealed record ActivateInput(string? Reason);

    public sealed record ModelRef(long Id, string Kind, int Version, DateTimeOffset TrainedAt);

    public sealed record ModelAnswer(long Id, string Kind, int Version, DateTimeOffset TrainedAt, string Status,
        IReadOnlyDictionary<string, double> Metrics, DateTimeOffset WindowFrom, DateTimeOffset WindowTo, int Rows,
        IReadOnlyDictionary<string, string> Options, long? ComparedWithId, IReadOnlyDictionary<string, double>? ComparedMetrics,
        DateTimeOffset? ActivatedAt);

    public sealed record ActivationAnswer(long Id, string Kind, int Version, string Status, long? PreviousId);

    public sealed record FactorBody(string Feature, double Value, double Contribution);

    public sealed record PropensityAnswerBody(double Probability, string CourseExternalId, bool AlreadyBought, ModelRef Model,
        IReadOnlyList<FactorBody> TopFactors);

    internal static ModelAnswer Answer(ModelVersion m) => new(m.Id, m.Kind, m.Version, m.TrainedAt, m.Status, Finite(m.Metrics),
        m.WindowFrom, m.WindowTo, m.Rows, m.Options, m.ComparedWithId, m.ComparedMetrics is null ? null : Finite(m.ComparedMetrics), m.ActivatedAt);

    // JSON has no NaN: a figure that could not be computed (an AUC without buyers) is left out.
    private static Dictionary<string, double> Finite(IReadOnlyDictionary<string, double> metrics) =>
        metrics.Where(m => double.IsFinite(m.Value)).ToDictionary(m => m.Key, m => m.Value);

    private static async Task<IResult> ListAsync(ModelRegistry registry, CancellationToken ct) =>
        TypedResults.Ok((await registry.ListAsync(ct)).Select(Answer).ToList());

    private static async Task<IResult> ActivateAsync(long id, HttpRequest request, ClaimsPrincipal user, ModelRegistry registry, ActiveModels active,
        CancellationToken ct)
    {
        string? reason = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await ApiBody.ReadAsync<ActivateInput>(request, ct);
            if (body.Problem is not null) return body.Problem;
            reason = body.Value!.Reason?.Trim();
            if (reason is { Length: > 500 }) return Problems.Validation("reason", "Must be at most 500 characters.");
        }
        switch (await registry.ActivateAsync(id, CouponCampaignsApi.Actor(user), ct, reason))
        {
            case ModelRegistry.Activation.Activated a:
                active.Invalidate(a.Model.Kind);
                return TypedResults.Ok(new ActivationAnswer(a.Model.Id, a.Model.Kind, a.Model.Version, a.Model.Status, a.Previous?.Id));
            case ModelRegistry.Activation.AlreadyActive a:
                return TypedResults.Ok(new ActivationAnswer(a.Model.Id, a.Model.Kind, a.Model.Version, a.Model.Status, a.Model.Id));
            default:
                return Problems.NotFound($"No model version {id}.");
        }
    }

    private static async Task<IResult> PropensityAsync(string customerExternalId, string? courseExternalId, CustomerPropensity propensity,
        CancellationToken ct) => await propensity.ScoreAsync(customerExternalId, courseExternalId, ct) switch
        {
            CustomerPropensity.Outcome.Scored { Answer: var a } => TypedResults.Ok(new PropensityAnswerBody(a.Probability, a.CourseExternalId,
                a.AlreadyBought, new ModelRef(a.Model.Id, a.Model.Kind, a.Model.Version, a.Model.TrainedAt),
                a.TopFactors.Select(f => new FactorBody(f.Feature, f.Value, f.Contribution)).ToList())),
            CustomerPropensity.Outcome.CustomerNotFound =>
                Problems.Refusal(UnknownCustomer, "No customer has this id.", StatusCodes.Status404NotFound),
            CustomerPropensity.Outcome.CourseNotFound =>
                Problems.Refusal(UnknownCourse, $"No course '{courseExternalId}'.", StatusCodes.Status404NotFound),
            CustomerPropensity.Outcome.NothingToScore =>
                Problems.Refusal(UnknownCourse, "The customer has bought every course; there is none left to score.", StatusCodes.Status404NotFound),
            _ => Problems.Refusal(ModelNotTrained, "No propensity model is active yet; run `models train propensity`."),
        };
}
