using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Surveys;
using Console.Jobs.Surveys;
using Dapper;

namespace Console.Tests.Surveys;

/// <summary>The stored results snapshot, the job that refreshes it, and the segment filter of survey results.</summary>
public sealed class SurveySnapshotTests(SurveyFixture f) : IClassFixture<SurveyFixture>
{
    private Task<JsonElement> ResultsAsync(long id, string query = "") =>
        f.Manage.GetAsync($"/api/v1/surveys/{id}/results{query}").ContinueWith(t => SurveyFixture.JsonAsync(t.Result)).Unwrap();

    private async Task<(string? Body, long Rows)> SnapshotAsync(long id)
    {
        await using var connection = await f.Db.OpenAsync();
        return (await connection.ExecuteScalarAsync<string?>("SELECT body FROM survey_snapshots WHERE survey_id = @id", new { id }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM survey_snapshots WHERE survey_id = @id", new { id }));
    }

    /// <summary>Customers of one source made for this test alone, so a segment on that source holds exactly them.</summary>
    private async Task<string[]> CustomersAsync(string source, int n)
    {
        var ids = Enumerable.Range(0, n).Select(_ => SurveyFixture.NewId("cust")).ToArray();
        await using var connection = await f.Db.OpenAsync();
        var now = DateTime.UtcNow;
        foreach (var id in ids)
            await connection.ExecuteAsync(
                "INSERT INTO customers (external_id, name, source, created_at, updated_at) VALUES (@id, 'Li Lei', @source, @now, @now)",
                new { id, source, now });
        return ids;
    }

    [Fact]
    public async Task The_snapshot_equals_the_figures_summed_directly_for_every_grouping()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        int[] scores = [10, 9, 8, 7, 6, 5, 0, 10, 9, 3, 8];
        for (var i = 0; i < scores.Length; i++)
            await f.AnswerAsync(id, scores[i], i % 3 == 0 ? "讲得很清楚，很有收获" : i % 3 == 1 ? "The sound kept cutting out" : null,
                i < 5 ? SurveyFixture.Customer : null, i % 2 == 0 ? SurveyFixture.EndedSession : null, csat: i % 5 + 1);

        var before = await ResultsAsync(id);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("computedAt").ValueKind);
        Assert.Equal(0, before.GetProperty("responses").GetInt32());
        await f.App.Service<AnalyseSurveys>().RunAsync();

        var (body, rows) = await SnapshotAsync(id);
        Assert.Equal(1, rows);
        var results = f.App.Service<SurveyResults>();
        var survey = (await f.App.Service<GetSurvey>().FindAsync(id))!;
        var direct = await results.ComputeAsync(survey, await results.ThemeLabelsAsync(id), new ResultsFilter());
        Assert.Equal(JsonSerializer.Serialize(direct, SurveyResults.Json), body);

        var expected = NpsMath.Of(scores);
        foreach (var by in SurveyResults.Groupings)
        {
            var read = (await results.ReadAsync(id, new ResultsFilter(By: by)))!;
            Assert.True(read.FromSnapshot);
            Assert.Equal(JsonSerializer.Serialize(direct.Groups[by], SurveyResults.Json), JsonSerializer.Serialize(read.Groups, SurveyResults.Json));
        }
        var api = await ResultsAsync(id, "?by=live_session");
        Assert.True(api.GetProperty("fromSnapshot").GetBoolean());
        Assert.Equal(scores.Length, api.GetProperty("responses").GetInt32());
        Assert.Equal(Math.Round(expected.Score, 2), api.GetProperty("nps").GetProperty("score").GetDouble());
        Assert.Equal(Math.Round(expected.CiHigh, 2), api.GetProperty("nps").GetProperty("ciHigh").GetDouble());
        Assert.Equal((double)scores.Select((_, i) => i % 5 + 1).Count(c => c >= 4) / scores.Length, api.GetProperty("csat").GetDouble(), 9);
        var session = api.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == SurveyFixture.EndedSession);
        Assert.Equal(scores.Where((_, i) => i % 2 == 0).Count(), session.GetProperty("nps").GetProperty("responses").GetInt32());
        Assert.Equal(4, api.GetProperty("questions")[0].GetProperty("counts").EnumerateArray()
            .Where(c => c.GetProperty("value").GetString() is "9" or "10").Sum(c => c.GetProperty("count").GetInt32()));

        // A filtered view is summed on request with the same code: narrowed to nothing but the days, it matches the snapshot.
        var filtered = (await results.ReadAsync(id, new ResultsFilter(From: new DateOnly(2000, 1, 1), By: "course")))!;
        Assert.False(filtered.FromSnapshot);
        Assert.Equal(JsonSerializer.Serialize(direct.Groups["course"], SurveyResults.Json), JsonSerializer.Serialize(filtered.Groups, SurveyResults.Json));
        Assert.Equal(JsonSerializer.Serialize(direct.Questions, SurveyResults.Json), JsonSerializer.Serialize(filtered.Questions, SurveyResults.Json));
    }

    [Fact]
    public async Task The_job_is_re_entrant_and_a_new_response_shows_only_after_it_runs()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        await f.AnswerAsync(id, 10, "老师很专业");
        await f.AnswerAsync(id, 2, "Too expensive for what it is");
        var job = new AnalyseSurveysJob(f.App.Service<AnalyseSurveys>());
        await job.ExecuteSurveyAsync(id, CancellationToken.None);
        var first = await SnapshotAsync(id);
        var state = await f.App.Service<SurveyResults>().StateAsync(id);
        Assert.Null(state.Progress);
        Assert.NotNull(state.ComputedAt);

        // Run again, whole and for this survey: one row, the same figures.
        await job.ExecuteAsync(CancellationToken.None);
        await job.ExecuteSurveyAsync(id, CancellationToken.None);
        Assert.Equal(first, await SnapshotAsync(id));
        Assert.Equal(0, await f.App.Service<RefreshSurveyResults>().RunAsync());
        Assert.Equal(first, await SnapshotAsync(id));

        var shown = await ResultsAsync(id);
        Assert.Equal(2, shown.GetProperty("responses").GetInt32());
        await f.AnswerAsync(id, 9, "Clear and practical");
        var stale = await ResultsAsync(id);
        Assert.Equal(2, stale.GetProperty("responses").GetInt32());
        Assert.Equal(shown.GetProperty("computedAt").GetString(), stale.GetProperty("computedAt").GetString());

        await job.ExecuteAsync(CancellationToken.None);
        var fresh = await ResultsAsync(id);
        Assert.Equal(3, fresh.GetProperty("responses").GetInt32());
        Assert.Equal(2, fresh.GetProperty("nps").GetProperty("promoters").GetInt32());
        Assert.True(fresh.GetProperty("computedAt").GetDateTimeOffset() >= shown.GetProperty("computedAt").GetDateTimeOffset());
        Assert.Equal(1, (await SnapshotAsync(id)).Rows);
    }

    [Fact]
    public async Task A_segment_filter_counts_its_members_only_and_an_unknown_one_is_refused()
    {
        var source = "sv" + Guid.NewGuid().ToString("N")[..8];
        var members = await CustomersAsync(source, 4);
        var others = await CustomersAsync(source + "x", 3);
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        int[] memberScores = [10, 9, 4, 7];
        int[] otherScores = [0, 1, 10];
        for (var i = 0; i < members.Length; i++) await f.AnswerAsync(id, memberScores[i], customer: members[i], csat: 5 - i);
        for (var i = 0; i < others.Length; i++) await f.AnswerAsync(id, otherScores[i], customer: others[i], csat: 1);
        await f.AnswerAsync(id, 8);
        await f.App.Service<AnalyseSurveys>().RunAsync();

        var created = await f.Manage.PostAsJsonAsync("/api/v1/segments",
            new { name = "From " + source, rule = new { all = new[] { new { field = "source", op = "eq", value = source } } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var segment = (await SurveyFixture.JsonAsync(created)).GetProperty("id").GetInt64();

        var results = await ResultsAsync(id, $"?segment={segment}&by=buyer");
        var expected = NpsMath.Of(memberScores);
        Assert.False(results.GetProperty("fromSnapshot").GetBoolean());
        Assert.Equal(members.Length, results.GetProperty("responses").GetInt32());
        var nps = results.GetProperty("nps");
        Assert.Equal(Math.Round(expected.Score, 2), nps.GetProperty("score").GetDouble());
        Assert.Equal(Math.Round(expected.CiLow, 2), nps.GetProperty("ciLow").GetDouble());
        Assert.Equal(expected.Detractors, nps.GetProperty("detractors").GetInt32());
        Assert.Equal(0.5, results.GetProperty("csat").GetDouble(), 9);
        Assert.Equal(members.Length, results.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("nps").GetProperty("responses").GetInt32()));
        var all = await ResultsAsync(id);
        Assert.Equal(members.Length + others.Length + 1, all.GetProperty("responses").GetInt32());

        // Grouped by segment: the group of this segment holds its members' answers alone, summed now rather than stored.
        var bySegment = await ResultsAsync(id, "?by=segment");
        Assert.False(bySegment.GetProperty("fromSnapshot").GetBoolean());
        Assert.Equal(members.Length + others.Length + 1, bySegment.GetProperty("responses").GetInt32());
        var group = bySegment.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == segment.ToString());
        Assert.Equal("From " + source, group.GetProperty("label").GetString());
        Assert.Equal(members.Length, group.GetProperty("nps").GetProperty("responses").GetInt32());
        Assert.Equal(Math.Round(expected.Score, 2), group.GetProperty("nps").GetProperty("score").GetDouble());
        Assert.Equal(0.5, group.GetProperty("csat").GetDouble(), 9);

        var unknown = await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?segment=987654");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("unknown_segment", (await SurveyFixture.JsonAsync(unknown)).GetProperty("codes").GetProperty("segment")[0].GetString());
        var notNumber = await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?segment=vip");
        Assert.Equal(HttpStatusCode.BadRequest, notNumber.StatusCode);
        Assert.True((await SurveyFixture.JsonAsync(notNumber)).GetProperty("errors").TryGetProperty("segment", out _));
        var noCourse = await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?course=no-such-course");
        Assert.Equal("unknown_course", (await SurveyFixture.JsonAsync(noCourse)).GetProperty("codes").GetProperty("course")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await f.Manage.GetAsync($"/api/v1/surveys/987654/results?segment={segment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await f.Manage.DeleteAsync($"/api/v1/segments/{segment}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Manage.GetAsync($"/api/v1/surveys/{id}/results?segment={segment}")).StatusCode);
    }
}
