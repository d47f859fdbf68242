using Console.Domain.Recommendations;

namespace Console.Tests.Recommendations;

public sealed class RecommenderModelTests
{
    // Two programming courses bought together, two design courses bought together, one finance course, one retired course.
    private static readonly CatalogueCourse[] Catalogue =
    [
        new("k1", "Programming", true), new("k2", "Programming", true), new("k3", "Design", true), new("k4", "Design", true),
        new("k5", "Finance", true), new("k6", "Finance", false),
    ];

    private static readonly (string, string, double)[] Purchases =
    [
        ("c1", "k1", 3), ("c1", "k2", 3), ("c2", "k1", 3), ("c2", "k2", 3), ("c3", "k1", 3), ("c3", "k5", 3),
        ("c4", "k3", 3), ("c4", "k4", 3), ("c5", "k3", 3), ("c5", "k4", 3), ("c6", "k5", 3), ("c7", "k5", 3), ("c8", "k6", 3),
        ("c9", "k6", 3), ("c9", "k5", 3), ("c10", "k6", 3),
    ];

    private static RecommenderModel Model(string chosen)
    {
        var feedback = Feedback.From(Purchases, Catalogue.Select(c => c.ExternalId));
        var factors = chosen == RecommenderNames.Factors ? SgdFactorTrainer.Train(feedback, new FactorOptions(Factors: 4, Epochs: 50)) : null;
        return new RecommenderModel(chosen, Catalogue, PopularityScorer.Train(feedback), CoOccurrenceScorer.Train(feedback), factors);
    }

    private static CustomerState Customer(string id, string? lastCategory, params string[] bought) =>
        new(id, bought.ToDictionary(b => b, _ => 3.0), bought.ToHashSet(), lastCategory);

    [Theory]
    [InlineData(RecommenderNames.Popularity)]
    [InlineData(RecommenderNames.CoOccurrence)]
    [InlineData(RecommenderNames.Factors)]
    public void Never_recommends_a_bought_or_retired_course_whatever_the_recommender(string chosen)
    {
        var model = Model(chosen);
        foreach (var bought in new[] { new[] { "k1" }, ["k1", "k2"], ["k3", "k5"], ["k1", "k2", "k3", "k4"] })
        {
            var list = model.Recommend(Customer("c1", "Programming", bought), 10, context: "k1");
            Assert.DoesNotContain(list, r => bought.Contains(r.CourseExternalId));
            Assert.DoesNotContain(list, r => r.CourseExternalId == "k6");
            Assert.Equal(list.Count, list.Select(r => r.CourseExternalId).Distinct().Count());
            Assert.Equal(5 - bought.Length - (bought.Contains("k1") ? 0 : 1), list.Count);
        }
    }

    [Fact]
    public void A_new_customer_gets_popular_courses_in_the_category_they_last_looked_at_then_popular_ones()
    {
        var model = Model(RecommenderNames.Factors);

        var looked = model.Recommend(Customer("new-1", "Design"), 4);
        var unknown = model.Recommend(CustomerState.Unknown("nobody"), 3);

        // Design: k3 and k4 (two buyers each, k3 first by key); then overall: k5 (four buyers), k1 (three); k6 is retired.
        Assert.Equal(["k3", "k4", "k5", "k1"], looked.Select(r => r.CourseExternalId));
        Assert.Equal([RecommendationReasons.PopularInCategory, RecommendationReasons.PopularInCategory, RecommendationReasons.Popular,
            RecommendationReasons.Popular], looked.Select(r => r.Reason));
        Assert.Equal(["k5", "k1", "k2"], unknown.Select(r => r.CourseExternalId));
        Assert.All(unknown, r => Assert.Equal(RecommendationReasons.Popular, r.Reason));
    }

    [Fact]
    public void History_leads_to_what_was_bought_with_it_and_context_puts_bought_together_first()
    {
        var model = Model(RecommenderNames.CoOccurrence);

        var afterK3 = model.Recommend(Customer("c11", null, "k3"), 1);
        var onK1Page = model.Recommend(Customer("c12", "Design", "k3"), 4, context: "k1");

        Assert.Equal(new Recommendation("k4", afterK3[0].Score, RecommendationReasons.BoughtTogether), afterK3[0]);
        Assert.Equal("k2", onK1Page[0].CourseExternalId);
        Assert.Equal(RecommendationReasons.BoughtTogether, onK1Page[0].Reason);
        Assert.DoesNotContain(onK1Page, r => r.CourseExternalId is "k1" or "k3");
    }

    [Fact]
    public void Also_bought_lists_the_courses_bought_with_a_course_strongest_first()
    {
        var model = Model(RecommenderNames.Popularity);

        Assert.Equal(["k2", "k5"], model.AlsoBought("k1", 5).Select(r => r.CourseExternalId));
        Assert.Empty(model.AlsoBought("k-none", 5));
        Assert.DoesNotContain(model.AlsoBought("k5", 5), r => r.CourseExternalId == "k6");
    }

    [Fact]
    public void The_registry_bytes_give_back_the_same_recommendations()
    {
        var model = Model(RecommenderNames.Factors);
        var back = RecommenderModelBytes.Read(RecommenderModelBytes.Write(model));

        Assert.Equal(model.Chosen, back.Chosen);
        Assert.Equal(model.Courses, back.Courses);
        foreach (var customer in new[] { Customer("c1", null, "k1"), Customer("c4", "Finance", "k3"), CustomerState.Unknown("x") })
            Assert.Equal(model.Recommend(customer, 5, "k3"), back.Recommend(customer, 5, "k3"));
    }
}
