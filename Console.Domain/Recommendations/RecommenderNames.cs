namespace Console.Domain.Recommendations;

/// <summary>The recommenders by the names the evaluation, the registry and the docs use.</summary>
public static class RecommenderNames
{
    public const string Popularity = "popularity";
    public const string CoOccurrence = "cooccurrence";
    public const string Factors = "factors";
}
