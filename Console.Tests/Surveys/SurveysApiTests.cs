using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Surveys;

public sealed class SurveysApiTests(SurveyFixture f) : IClassFixture<SurveyFixture>
{
    private Task<HttpResponseMessage> RespondAsync(long id, object body) => f.Ingest.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", body);

    [Fact]
    public async Task A_survey_is_created_and_read_back_as_respondents_see_it()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind(trigger: new { kind = "after_live_session", courseExternalIds = new[] { SurveyFixture.Course }, delayMinutes = 30 }));
        var survey = await SurveyFixture.JsonAsync(await f.Ingest.GetAsync($"/api/v1/surveys/{id}"));
        Assert.Equal("open", survey.GetProperty("status").GetString());
        Assert.Equal(["nps", "csat", "rating", "format", "liked", "comment"],
            survey.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()));
        var format = survey.GetProperty("questions")[3];
        Assert.Equal("直播", format.GetProperty("options")[0].GetProperty("text").GetProperty("zh-Hans").GetString());
        Assert.True(survey.GetProperty("questions")[0].GetProperty("required").GetBoolean());
        Assert.Equal("after_live_session", survey.GetProperty("trigger").GetProperty("kind").GetString());
        Assert.Equal(30, survey.GetProperty("trigger").GetProperty("delayMinutes").GetInt32());
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.create' AND entity_id = @id", new { id = id.ToString() }));
    }

    [Fact]
    public async Task A_bad_definition_is_400_per_field_and_an_unknown_field_is_refused()
    {
        var response = await f.Manage.PostAsJsonAsync("/api/v1/surveys", new
        {
            name = "",
            questions = new object[]
            {
                new { key = "Bad Key", kind = "stars", text = SurveyFixture.T("x", "") },
                new { key = "pick", kind = "single_choice", text = SurveyFixture.T("Pick", "选"), options = new[] { new { value = "a", text = SurveyFixture.T("A", "甲") } } },
            },
            trigger = new { kind = "after_live_session", courseExternalIds = new[] { "nope" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await SurveyFixture.JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["name", "questions[0].key", "questions[0].kind", "questions[0].text.zh-Hans", "questions[1].options"], fields);

        var unknownCourse = await f.Manage.PostAsJsonAsync("/api/v1/surveys", new
        {
            name = "x", questions = new[] { new { key = "nps", kind = "nps", text = SurveyFixture.T("N", "N") } },
            trigger = new { kind = "after_live_session", courseExternalIds = new[] { "nope" } },
        });
        Assert.Contains("nope", (await SurveyFixture.JsonAsync(unknownCourse)).GetProperty("errors").GetProperty("trigger.courseExternalIds")[0].GetString());

        var unknown = await f.Manage.PostAsJsonAsync("/api/v1/surveys", new { name = "x", questionz = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("questions", (await SurveyFixture.JsonAsync(unknown)).GetProperty("errors").GetProperty("questionz")[0].GetString());
    }

    public static TheoryData<string, object> BadAnswers => new()
    {
        { "nps", 11 }, { "nps", 7.5 }, { "nps", "9" },
        { "csat", 0 }, { "csat", 6 },
        { "rating", true },
        { "format", "radio" }, { "format", new[] { "live" } },
        { "liked", "teacher" }, { "liked", new[] { "teacher", "cost" } }, { "liked", new[] { "price", "price" } },
        { "comment", 42 }, { "comment", new string('长', 2001) },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_of_every_kind_is_400_naming_the_question(string key, object value)
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        var answers = new Dictionary<string, object> { ["nps"] = 8, [key] = value };
        var response = await RespondAsync(id, new { responseId = SurveyFixture.NewId("r"), answers });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await SurveyFixture.JsonAsync(response)).GetProperty("errors");
        Assert.Equal([$"answers.{key}"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM survey_responses WHERE survey_id = @id", new { id }));
    }

    [Fact]
    public async Task A_missing_required_answer_and_an_unknown_question_are_named()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        var response = await RespondAsync(id, new { responseId = SurveyFixture.NewId("r"), answers = new Dictionary<string, object> { ["csat"] = 5, ["mood"] = 1 } });
        var errors = (await SurveyFixture.JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["answers.mood", "answers.nps"], errors);
    }

    [Fact]
    public async Task Good_answers_of_every_kind_are_stored_once_however_often_they_are_sent()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        var body = new
        {
            responseId = SurveyFixture.NewId("r"), customerExternalId = SurveyFixture.Customer, liveSessionExternalId = SurveyFixture.EndedSession,
            answers = new Dictionary<string, object>
            {
                ["nps"] = 10, ["csat"] = 4, ["rating"] = 5, ["format"] = "live", ["liked"] = new[] { "teacher", "price" }, ["comment"] = "讲得很好",
            },
            submittedAt = "2026-12-01T21:00:00+08:00",
        };
        var first = await RespondAsync(id, body);
        var second = await RespondAsync(id, body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(body.responseId, (await SurveyFixture.JsonAsync(second)).GetProperty("responseId").GetString());
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM survey_responses WHERE survey_id = @id", new { id }));
        Assert.Equal(10, await f.ScalarAsync("SELECT nps_score FROM survey_responses WHERE survey_id = @id", new { id }));
        Assert.Equal(1, await f.ScalarAsync(
            """
            SELECT COUNT(*) FROM survey_responses r JOIN courses c ON c.id = r.course_id
            WHERE r.survey_id = @id AND c.external_id = @Course AND r.free_text = '讲得很好'
            """, new { id, SurveyFixture.Course }));
    }

    [Fact]
    public async Task A_closed_survey_is_409_survey_closed()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind(status: "closed"));
        var response = await RespondAsync(id, new { responseId = SurveyFixture.NewId("r"), answers = new { nps = 9 } });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("survey_closed", (await SurveyFixture.JsonAsync(response)).GetProperty("code").GetString());
    }
}
