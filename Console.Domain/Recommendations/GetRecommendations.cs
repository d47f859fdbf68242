using Console.Domain.Models;

namespace Console.Domain.Recommendations;

/// <summary>
/// Recommendations for one customer from the active recommender, which this node holds in memory and reloads when another
/// version becomes active. Only the customer's own rows are read per request.
/// </summary>
public sealed class GetRecommendations(ActiveModels models, CustomerStateReader customers)
{
    public const int MaxItems = 50;

    public abstract record Outcome
    {
        public sealed record Listed(ModelVersion Model, IReadOnlyList<Recommendation> Items) : Outcome;
        public sealed record NoModel : Outcome;
        public sealed record UnknownContext(string CourseExternalId) : Outcome;
    }

    public Task<ActiveModel<RecommenderModel>?> ModelAsync(CancellationToken ct) =>
        models.GetAsync(RecommenderModel.Kind, RecommenderModelBytes.Read, ct);

    public async Task<Outcome> ExecuteAsync(string customerExternalId, int n, string? context, CancellationToken ct)
    {
        if (await ModelAsync(ct) is not { } active) return new Outcome.NoModel();
        // A course added since training exists but has no bought-together figures yet: it biases nothing.
        if (context is not null && !active.Model.Knows(context) && !await customers.CourseExistsAsync(context, ct))
            return new Outcome.UnknownContext(context);
        var state = await customers.ReadAsync(customerExternalId, ct);
        return new Outcome.Listed(active.Version, active.Model.Recommend(state, n, context));
    }

    /// <summary>People who bought this course also bought: empty until a recommender is trained.</summary>
    public async Task<IReadOnlyList<Recommendation>> AlsoBoughtAsync(string courseExternalId, int n, CancellationToken ct) =>
        await ModelAsync(ct) is { } active ? active.Model.AlsoBought(courseExternalId, n) : [];
}
