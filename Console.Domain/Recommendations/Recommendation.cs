namespace Console.Domain.Recommendations;

/// <summary>One recommended course. Score orders the list; it is comparable only between items of the same reason.</summary>
public sealed record Recommendation(string CourseExternalId, double Score, string Reason);

/// <summary>Why a course was recommended, as API.md names it.</summary>
public static class RecommendationReasons
{
    public const string SimilarCustomers = "similar_customers";
    public const string BoughtTogether = "bought_together";
    public const string PopularInCategory = "popular_in_category";
    public const string Popular = "popular";

    public static readonly IReadOnlyList<string> All = [SimilarCustomers, BoughtTogether, PopularInCategory, Popular];
}

/// <summary>
/// What the store knows of one customer at request time: interest per course (weighted as in training), the courses they
/// bought and never get again, and the category of the course they last looked at. An unknown customer has none of it.
/// </summary>
public sealed record CustomerState(string ExternalId, IReadOnlyDictionary<string, double> Interest, IReadOnlySet<string> Bought, string? LastCategory)
{
    public static CustomerState Unknown(string externalId) =>
        new(externalId, new Dictionary<string, double>(), new HashSet<string>(), null);
}
