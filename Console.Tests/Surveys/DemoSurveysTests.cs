using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Surveys;

public sealed class DemoSurveysTests
{
    private static Task<DemoResult> SeedAsync(TempStore store) =>
        new DemoSeeder(store.Db, new BusinessTime(new BusinessOptions()), store.PersonalData).SeedAsync(new DemoPlan(1_500, 30, 5, new DateOnly(2026, 3, 1)));

    [Fact]
    public async Task Demo_surveys_hold_answers_in_both_languages_whose_mood_follows_refunds_and_repeat_purchases()
    {
        using var store = new TempStore();
        Assert.True((await SeedAsync(store)).Seeded);
        await using var connection = await store.Db.OpenAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM surveys"));
        var answers = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM survey_responses");
        Assert.True(answers > 200, $"only {answers} answers");
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM survey_responses WHERE language = 'en' AND free_text IS NOT NULL") > 20);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM survey_responses WHERE language = 'zh-Hans' AND free_text IS NOT NULL") > 50);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT free_text) FROM survey_responses") > 60);
        var refunded = await connection.ExecuteScalarAsync<double>(
            """
            SELECT AVG(CASE WHEN r.nps_score <= 6 THEN 1.0 ELSE 0.0 END) FROM survey_responses r
            WHERE r.nps_score IS NOT NULL AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.customer_id AND o.course_id = r.course_id AND o.refunded > 0)
            """);
        var kept = await connection.ExecuteScalarAsync<double>(
            """
            SELECT AVG(CASE WHEN r.nps_score <= 6 THEN 1.0 ELSE 0.0 END) FROM survey_responses r
            WHERE r.nps_score IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.customer_id AND o.refunded > 0)
            """);
        Assert.True(refunded > kept + 0.2, $"detractors: {refunded:P0} after a refund against {kept:P0} otherwise");
    }
}
