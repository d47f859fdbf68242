using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Recommendations;

/// <summary>A recommended course as the console shows it: its page id and title beside why it was picked.</summary>
public sealed record CourseCard(long Id, string ExternalId, string Title, string? Category, double Score, string Reason);

/// <summary>Recommendations for the console's pages: the same lists the API serves, with each course's title and page.</summary>
public sealed class CourseCards(Db db, GetRecommendations recommendations, CustomerStateReader customers)
{
    private sealed class Row
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Category { get; init; }
    }

    private const string CoursesSql = "SELECT id AS Id, external_id AS ExternalId, title AS Title, category AS Category FROM courses";

    /// <summary>Null when no recommender is active yet.</summary>
    public async Task<IReadOnlyList<CourseCard>?> ForCustomerAsync(string customerExternalId, int n, CancellationToken ct)
    {
        if (await recommendations.ModelAsync(ct) is not { } active) return null;
        return await CardsAsync(active.Model.Recommend(await customers.ReadAsync(customerExternalId, ct), n), ct);
    }

    /// <summary>Null when no recommender is active yet.</summary>
    public async Task<IReadOnlyList<CourseCard>?> AlsoBoughtAsync(string courseExternalId, int n, CancellationToken ct)
    {
        if (await recommendations.ModelAsync(ct) is not { } active) return null;
        return await CardsAsync(active.Model.AlsoBought(courseExternalId, n), ct);
    }

    private async Task<IReadOnlyList<CourseCard>> CardsAsync(IReadOnlyList<Recommendation> items, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        await using var connection = await db.OpenAsync(ct);
        // The catalogue is small (courses, not customers): one read of it beats a list parameter per engine.
        var courses = (await connection.QueryAsync<Row>(new CommandDefinition(CoursesSql, cancellationToken: ct)))
            .ToDictionary(r => r.ExternalId, StringComparer.Ordinal);
        var cards = new List<CourseCard>(items.Count);
        foreach (var i in items)
            if (courses.TryGetValue(i.CourseExternalId, out var c)) cards.Add(new CourseCard(c.Id, c.ExternalId, c.Title, c.Category, i.Score, i.Reason));
        return cards;
    }
}
