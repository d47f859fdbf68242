using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Models;

/// <summary>A customer's chance of buying a course within the model's horizon, and what drove it.</summary>
public sealed record PropensityAnswer(double Probability, string CourseExternalId, string? CourseTitle, bool AlreadyBought,
    ModelVersion Model, IReadOnlyList<PropensityFactor> TopFactors);

/// <summary>
/// Scores a customer now with the active propensity model: for one course, or for the course they are likeliest to buy
/// next among those they have not bought. Segments read <see cref="ForCustomersAsync"/> to filter on propensity.
/// </summary>
public sealed class CustomerPropensity(Db db, PropensityFeatureReader reader, ActiveModels models, TimeProvider clock)
{
    public const int FactorCount = 5;

    public abstract record Outcome
    {
        public sealed record Scored(PropensityAnswer Answer) : Outcome;
        public sealed record CustomerNotFound : Outcome;
        public sealed record CourseNotFound : Outcome;
        public sealed record NoModel : Outcome;
        public sealed record NothingToScore : Outcome;
    }

    public Task<ActiveModel<PropensityModel>?> ModelAsync(CancellationToken ct) =>
        models.GetAsync(ModelKinds.Propensity, PropensityModel.FromBytes, ct);

    public async Task<Outcome> ScoreAsync(string customerExternalId, string? courseExternalId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var customerId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM customers WHERE external_id = @customerExternalId", new { customerExternalId }, cancellationToken: ct));
        if (customerId is null) return new Outcome.CustomerNotFound();
        long? courseId = null;
        if (courseExternalId is not null)
        {
            courseId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT id FROM courses WHERE external_id = @courseExternalId", new { courseExternalId }, cancellationToken: ct));
            if (courseId is null) return new Outcome.CourseNotFound();
        }
        if (await ModelAsync(ct) is not { } active) return new Outcome.NoModel();
        var rows = await reader.ForCustomerAsync(customerId.Value, clock.GetUtcNow().UtcDateTime, courseId, ct);
        if (rows.Count == 0) return new Outcome.NothingToScore();
        var scores = active.Model.Score(rows.Select(r => r.Features).ToList());
        var best = Enumerable.Range(0, rows.Count).MaxBy(i => scores[i]);
        var row = rows[best];
        var course = await connection.QuerySingleAsync<(string ExternalId, string Title)>(new CommandDefinition(
            "SELECT external_id, title FROM courses WHERE id = @id", new { id = row.CourseId }, cancellationToken: ct));
        var bought = courseId is not null && await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM orders WHERE customer_id = @customerId AND course_id = @courseId",
            new { customerId, courseId }, cancellationToken: ct)) > 0;
        return new Outcome.Scored(new PropensityAnswer(scores[best], course.ExternalId, course.Title, bought, active.Version,
            active.Model.TopFactors(row.Features, FactorCount)));
    }

    /// <summary>Each customer's highest probability over the courses they have not bought (customers with none are left out).</summary>
    public async Task<IReadOnlyDictionary<long, double>> ForCustomersAsync(IEnumerable<long> customerIds, CancellationToken ct)
    {
        var result = new Dictionary<long, double>();
        if (await ModelAsync(ct) is not { } active) return result;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in customerIds.Distinct())
        {
            var rows = await reader.ForCustomerAsync(id, now, null, ct);
            if (rows.Count > 0) result[id] = active.Model.Score(rows.Select(r => r.Features).ToList()).Max();
        }
        return result;
    }
}
