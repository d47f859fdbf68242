using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Surveys;

/// <summary>One real host per test class with two courses, a customer and two live sessions (one ended); tests make their own surveys.</summary>
public sealed class SurveyFixture : ApiFixture
{
    public const string Course = "c-sv-art";
    public const string OtherCourse = "c-sv-code";
    public const string Customer = "cust-sv-1";
    public const string EndedSession = "live-sv-ended";
    public const string RunningSession = "live-sv-running";

    // Responses answer with their sentiment: the models load (or train, once per build) here, not inside a request's time limit.
    protected override async Task PrepareAsync() => await App.Service<Console.Domain.Text.SentimentScorer>().ModelsAsync(CancellationToken.None);

    protected override async Task SeedAsync(System.Data.Common.DbConnection connection, DateTime now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Course, 'Painting', 'art', 19900, @now, @now);
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@OtherCourse, 'C#', 'code', 30000, @now, @now);
            INSERT INTO customers (external_id, name, source, created_at, updated_at) VALUES (@Customer, 'Han Meimei', 'douyin', @now, @now);
            INSERT INTO live_sessions (external_id, course_id, title, started_at, ended_at, updated_at)
            SELECT @EndedSession, id, 'Art night', @started, @ended, @now FROM courses WHERE external_id = @Course;
            INSERT INTO live_sessions (external_id, course_id, title, started_at, updated_at)
            SELECT @RunningSession, id, 'Art morning', @now, @now FROM courses WHERE external_id = @Course;
            """, new { Course, OtherCourse, Customer, EndedSession, RunningSession, now, started = now.AddHours(-3), ended = now.AddHours(-2) });
    }

    /// <summary>Posts one response with an NPS score and, where given, a comment, a CSAT score, a customer and a session.</summary>
    public async Task AnswerAsync(long id, int nps, string? comment = null, string? customer = null, string? session = null, int? csat = null)
    {
        var answers = new Dictionary<string, object> { ["nps"] = nps };
        if (comment is not null) answers["comment"] = comment;
        if (csat is not null) answers["csat"] = csat;
        var response = await Ingest.PostAsJsonAsync($"/api/v1/surveys/{id}/responses",
            new { responseId = NewId("r"), customerExternalId = customer, liveSessionExternalId = session, answers });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A survey with one question of every kind; nps required.</summary>
    public static object EveryKind(string status = "open", object? trigger = null) => new
    {
        name = "After class",
        status,
        trigger,
        questions = new object[]
        {
            new { key = "nps", kind = "nps", text = T("Recommend us?", "推荐我们吗？"), required = true },
            new { key = "csat", kind = "csat", text = T("Satisfied?", "满意吗？") },
            new { key = "rating", kind = "rating", text = T("Rate the teacher", "给讲师打分") },
            new { key = "format", kind = "single_choice", text = T("Best format?", "最佳形式？"),
                options = new[] { new { value = "live", text = T("Live", "直播") }, new { value = "video", text = T("Video", "录播") } } },
            new { key = "liked", kind = "multi_choice", text = T("What did you like?", "喜欢什么？"),
                options = new[] { new { value = "teacher", text = T("Teacher", "讲师") }, new { value = "price", text = T("Price", "价格") } } },
            new { key = "comment", kind = "text", text = T("Anything else?", "还有什么？") },
        },
    };

    public static Dictionary<string, string> T(string en, string zh) => new() { ["en"] = en, ["zh-Hans"] = zh };

    public async Task<long> SurveyAsync(object body)
    {
        var response = await Manage.PostAsJsonAsync("/api/v1/surveys", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }
}
