using System.Net;
using System.Net.Http.Json;
using Console.Domain.Surveys;
using Dapper;
using MiniExcelLibs;

namespace Console.Tests.Surveys;

public sealed class SurveyResultsTests(SurveyFixture f) : IClassFixture<SurveyFixture>
{
    [Fact]
    public async Task Results_read_what_the_analysis_job_stored_with_nps_csat_distributions_and_groups()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        int[] scores = [10, 9, 9, 8, 7, 6, 3, 0, 10, 10];
        for (var i = 0; i < scores.Length; i++)
            await f.AnswerAsync(id, scores[i], i % 2 == 0 ? "老师讲得很好" : null, i < 4 ? SurveyFixture.Customer : null,
                i < 6 ? SurveyFixture.EndedSession : null, csat: i % 5 + 1);

        var before = await SurveyFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/surveys/{id}/results"));
        Assert.Equal(0, before.GetProperty("responses").GetInt32());

        Assert.True(await f.App.Service<AnalyseSurveys>().RunAsync() >= 1);
        var results = await SurveyFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?by=course"));
        var expected = NpsMath.Of(scores);
        Assert.Equal(10, results.GetProperty("responses").GetInt32());
        var nps = results.GetProperty("nps");
        Assert.Equal(Math.Round(expected.Score, 2), nps.GetProperty("score").GetDouble());
        Assert.Equal(Math.Round(expected.CiLow, 2), nps.GetProperty("ciLow").GetDouble());
        Assert.Equal(5, nps.GetProperty("promoters").GetInt32());
        Assert.Equal(3, nps.GetProperty("detractors").GetInt32());
        Assert.Equal(0.4, results.GetProperty("csat").GetDouble(), 9);
        var npsQuestion = results.GetProperty("questions")[0];
        Assert.Equal(3, npsQuestion.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("value").GetString() == "10").GetProperty("count").GetInt32());
        var groups = results.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(6, groups.Single(g => g.GetProperty("key").GetString() == SurveyFixture.Course).GetProperty("nps").GetProperty("responses").GetInt32());
        Assert.Equal(4, groups.Single(g => g.GetProperty("key").GetString() == "").GetProperty("nps").GetProperty("responses").GetInt32());
        Assert.Equal(6, groups.Single(g => g.GetProperty("key").GetString() == SurveyFixture.Course).GetProperty("responses").GetInt32());
        var trend = results.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(10, trend.Sum(d => d.GetProperty("npsResponses").GetInt32()));
        Assert.Equal(5, trend.Sum(d => d.GetProperty("promoters").GetInt32()));

        var bySession = await SurveyFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?liveSession={SurveyFixture.EndedSession}&by=channel"));
        Assert.Equal(6, bySession.GetProperty("responses").GetInt32());
        Assert.Contains(bySession.GetProperty("groups").EnumerateArray(), g => g.GetProperty("key").GetString() == "douyin");
        var future = await SurveyFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?from=2099-01-01"));
        Assert.Equal(0, future.GetProperty("responses").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?by=mood")).StatusCode);
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM survey_responses WHERE survey_id = @id AND analysed = 0", new { id }));
    }

    [Fact]
    public async Task A_survey_without_an_nps_question_counts_each_groups_responses_and_its_daily_responses()
    {
        var id = await f.SurveyAsync(new
        {
            name = "CSAT only", status = "open",
            questions = new object[] { new { key = "csat", kind = "csat", text = SurveyFixture.T("Satisfied?", "满意吗？"), required = true } },
        });
        for (var i = 0; i < 5; i++)
        {
            var response = await f.Ingest.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", new
            {
                responseId = SurveyFixture.NewId("r"), liveSessionExternalId = i < 3 ? SurveyFixture.EndedSession : null,
                answers = new Dictionary<string, object> { ["csat"] = i + 1 },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await f.App.Service<AnalyseSurveys>().RunAsync();

        var results = await SurveyFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?by=course"));
        Assert.Equal(0, results.GetProperty("nps").GetProperty("responses").GetInt32());
        var groups = results.GetProperty("groups").EnumerateArray().ToList();
        // The groups count responses, not NPS answers, and the larger group comes first.
        Assert.Equal([3, 2], groups.Select(g => g.GetProperty("responses").GetInt32()));
        Assert.All(groups, g => Assert.Equal(0, g.GetProperty("nps").GetProperty("responses").GetInt32()));
        Assert.Equal(5, results.GetProperty("trend").EnumerateArray().Sum(d => d.GetProperty("responses").GetInt32()));
        Assert.All(results.GetProperty("trend").EnumerateArray(), d => Assert.Equal(0, d.GetProperty("npsResponses").GetInt32()));
    }

    [Fact]
    public async Task Exports_have_a_column_per_question_and_neutralise_formulas_in_csv_and_xlsx()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        await f.AnswerAsync(id, 9, "=HYPERLINK(\"http://x\",\"click\")");
        await f.AnswerAsync(id, 4, "+1 很好, \"真的\"");
        await f.AnswerAsync(id, 7, "@SUM(A1)");
        await f.AnswerAsync(id, 2, "-2 不推荐");

        var csv = await f.Manage.GetAsync($"/api/v1/surveys/{id}/responses.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("responseId,submittedAt,customerExternalId,courseExternalId,liveSessionExternalId,language,nps,csat,rating,format,liked,comment,sentiment,sentimentPositive,theme", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains("'=HYPERLINK", text);
        Assert.Contains("\"'+1 很好, \"\"真的\"\"\"", text);
        Assert.DoesNotContain(",=", text);
        Assert.DoesNotContain(",@", text);

        var xlsx = await f.Manage.GetAsync($"/api/v1/surveys/{id}/responses.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, rows.Count);
        var comments = rows.Select(r => r["comment"]?.ToString()).ToList();
        Assert.Equal(["'=HYPERLINK(\"http://x\",\"click\")", "'+1 很好, \"真的\"", "'@SUM(A1)", "'-2 不推荐"], comments);
        Assert.Equal(9d, Convert.ToDouble(rows[0]["nps"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(rows, r => Assert.DoesNotMatch("^[=+@-]", r["comment"]!.ToString()!));
    }
}
