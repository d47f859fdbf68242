namespace Console.Domain.Recommendations;

/// <summary>
/// The served recommender: the recommender chosen by hold-out precision@10 plus the popularity and co-occurrence tables
/// that serve cold starts, context and "also bought". Courses are in the same order as every table's item index.
/// </summary>
public sealed class RecommenderModel(string chosen, IReadOnlyList<CatalogueCourse> courses, PopularityScorer popularity,
    CoOccurrenceScorer coOccurrence, FactorScorer? factors)
{
    public const string Kind = "recommender";

    /// <summary>Below this a co-occurrence score holds only the popularity tie-break, no similarity at all.</summary>
    private const double NoSimilarity = 1e-5;

    private readonly Dictionary<string, int> _courseIndex = courses.Select((c, i) => (c.ExternalId, i)).ToDictionary(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _userIndex = factors is null ? [] :
        factors.Users.Select((u, i) => (u, i)).ToDictionary(StringComparer.Ordinal);
    private readonly double _topPopularity = Math.Max(1, popularity.Popularity.DefaultIfEmpty(0).Max());

    public string Chosen => chosen;
    public IReadOnlyList<CatalogueCourse> Courses => courses;
    public PopularityScorer Popularity => popularity;
    public CoOccurrenceScorer CoOccurrence => coOccurrence;
    public FactorScorer? Factors => factors;

    public bool Knows(string courseExternalId) => _courseIndex.ContainsKey(courseExternalId);

    /// <summary>
    /// Up to n active courses the customer has not bought. With a context course, up to half the list is what others
    /// bought with it; then the chosen recommender's picks for this customer's history; then popular courses in the
    /// category they last looked at; then popular courses overall.
    /// </summary>
    public IReadOnlyList<Recommendation> Recommend(CustomerState customer, int n, string? context = null)
    {
        var excluded = new bool[courses.Count];
        for (var i = 0; i < courses.Count; i++) excluded[i] = !courses[i].Active || customer.Bought.Contains(courses[i].ExternalId);
        var result = new List<Recommendation>(n);
        if (context is not null && _courseIndex.TryGetValue(context, out var contextIndex))
        {
            excluded[contextIndex] = true;
            foreach (var (item, similarity) in coOccurrence.Neighbours(contextIndex))
            {
                if (result.Count >= (n + 1) / 2) break;
                Take(item, similarity, RecommendationReasons.BoughtTogether);
            }
        }

        var history = customer.Interest.Where(p => _courseIndex.ContainsKey(p.Key))
            .Select(p => new ItemWeight(_courseIndex[p.Key], p.Value)).OrderBy(w => w.Item).ToArray();
        var user = _userIndex.TryGetValue(customer.ExternalId, out var u) ? u : -1;
        var scores = new double[courses.Count];
        if (chosen == RecommenderNames.Factors && factors is not null && (user >= 0 || history.Length > 0))
        {
            factors.Score(user, history, scores);
            foreach (var item in TopItems.Pick(scores, n, i => excluded[i]))
                Take(item, scores[item], RecommendationReasons.SimilarCustomers);
        }
        else if (chosen != RecommenderNames.Popularity && history.Length > 0)
        {
            coOccurrence.Score(-1, history, scores);
            foreach (var item in TopItems.Pick(scores, n, i => excluded[i]).Where(i => scores[i] > NoSimilarity))
                Take(item, scores[item], RecommendationReasons.BoughtTogether);
        }

        popularity.Score(-1, [], scores);
        if (customer.LastCategory is { } category)
            foreach (var item in TopItems.Pick(scores, n, i => excluded[i] || courses[i].Category != category))
                Take(item, scores[item] / _topPopularity, RecommendationReasons.PopularInCategory);
        foreach (var item in TopItems.Pick(scores, n, i => excluded[i]))
            Take(item, scores[item] / _topPopularity, RecommendationReasons.Popular);
        return result;

        void Take(int item, double score, string reason)
        {
            if (result.Count >= n || excluded[item]) return;
            excluded[item] = true;
            result.Add(new Recommendation(courses[item].ExternalId, Math.Round(score, 4), reason));
        }
    }

    /// <summary>People who bought this also bought: the active courses most often chosen with it, none of them itself.</summary>
    public IReadOnlyList<Recommendation> AlsoBought(string courseExternalId, int n) =>
        _courseIndex.TryGetValue(courseExternalId, out var index)
            ? coOccurrence.Neighbours(index).Where(p => courses[p.Item].Active).Take(n)
                .Select(p => new Recommendation(courses[p.Item].ExternalId, Math.Round(p.Similarity, 4), RecommendationReasons.BoughtTogether)).ToList()
            : [];
}
