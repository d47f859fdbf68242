using System.Net;
using System.Net.Http.Json;
using Console.Domain.Surveys;

namespace Console.Tests.Surveys;

public sealed class SessionLinksTests(SurveyFixture f) : IClassFixture<SurveyFixture>
{
    [Fact]
    public async Task One_link_per_ended_session_however_often_the_job_runs()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind(trigger: new { kind = "after_live_session", courseExternalIds = new[] { SurveyFixture.Course }, delayMinutes = 30 }));
        var late = await f.SurveyAsync(SurveyFixture.EveryKind(trigger: new { kind = "after_live_session", courseExternalIds = new[] { SurveyFixture.Course }, delayMinutes = 600 }));
        var job = f.App.Service<CreateSessionLinks>();
        var runs = await Task.WhenAll(job.RunAsync(), job.RunAsync());
        await job.RunAsync();
        Assert.True(runs.Sum() >= 1);
        // The ended session has one link; the running one none; the survey with a longer delay none yet.
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM survey_links WHERE survey_id = @id AND origin = 'session'", new { id }));
        Assert.Equal(1, await f.ScalarAsync(
            """
            SELECT COUNT(*) FROM survey_links l JOIN live_sessions ls ON ls.id = l.live_session_id
            WHERE l.survey_id = @id AND ls.external_id = @EndedSession
            """, new { id, SurveyFixture.EndedSession }));
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM survey_links WHERE survey_id = @late", new { late }));
    }

    [Fact]
    public async Task The_page_speaks_the_browsers_language_and_refuses_a_second_answer_from_the_same_respondent()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        var link = await f.App.Service<SurveyLinks>().CreateAsync(id, SurveyFixture.Customer, SurveyFixture.EndedSession);
        Assert.NotNull(link);
        using var browser = f.App.CreateClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var page = await browser.GetAsync($"/s/{link.Token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("推荐我们吗？", html);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", ""));

        var missing = await browser.PostAsync($"/s/{link.Token}", new FormUrlEncodedContent([new("responseId", "p1"), new("csat", "4")]));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请回答此题。", await missing.Content.ReadAsStringAsync());

        var form = new FormUrlEncodedContent([new("responseId", "p1"), new("nps", "3"), new("liked", "teacher"), new("liked", "price"), new("comment", "太贵了")]);
        var thanks = await browser.PostAsync($"/s/{link.Token}", form);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains("id=\"thanks\"", await thanks.Content.ReadAsStringAsync());

        var again = await browser.PostAsync($"/s/{link.Token}", new FormUrlEncodedContent([new("responseId", "p2"), new("nps", "10")]));
        Assert.Contains("您已经回答过这份问卷", await again.Content.ReadAsStringAsync());
        Assert.Contains("您已经回答过这份问卷", await browser.GetStringAsync($"/s/{link.Token}"));
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM survey_responses WHERE survey_id = @id", new { id }));
        Assert.Equal(3, await f.ScalarAsync(
            """
            SELECT r.nps_score FROM survey_responses r JOIN customers c ON c.id = r.customer_id WHERE r.survey_id = @id AND c.external_id = @Customer
            """, new { id, SurveyFixture.Customer }));
    }

    [Fact]
    public async Task A_link_without_a_customer_is_answered_once_per_browser()
    {
        var id = await f.SurveyAsync(SurveyFixture.EveryKind());
        var link = await f.App.Service<SurveyLinks>().CreateAsync(id, null, null);
        using var first = f.App.CreateClient();
        using var second = f.App.CreateClient();
        foreach (var browser in new[] { first, second })
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync($"/s/{link!.Token}", new FormUrlEncodedContent([new("responseId", Guid.NewGuid().ToString("N")), new("nps", "9")]))).StatusCode);
        var english = await first.PostAsync($"/s/{link!.Token}", new FormUrlEncodedContent([new("responseId", "x2"), new("nps", "9")]));
        Assert.Contains("You have already answered", await english.Content.ReadAsStringAsync());
        Assert.Equal(2, await f.ScalarAsync("SELECT COUNT(*) FROM survey_responses WHERE survey_id = @id", new { id }));
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync("/s/not-a-token")).StatusCode);
    }
}
