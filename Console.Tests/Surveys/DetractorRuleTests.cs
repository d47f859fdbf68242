using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Surveys;

/// <summary>A coupon campaign that leaves out recent detractors, as the checkout API sees it.</summary>
public sealed class DetractorRuleTests(SurveyFixture f) : IClassFixture<SurveyFixture>
{
    private async Task<HttpResponseMessage> OrderAsync(string customer, string code) =>
        await f.Ingest.PostAsJsonAsync("/api/v1/orders", new
        {
            orderId = SurveyFixture.NewId("o"), customerExternalId = customer, courseExternalId = SurveyFixture.Course, couponCodes = new[] { code },
        });

    private async Task AnswerAsync(long survey, string customer, int nps, string submittedAt) =>
        Assert.Equal(HttpStatusCode.Created, (await f.Ingest.PostAsJsonAsync($"/api/v1/surveys/{survey}/responses", new
        {
            responseId = SurveyFixture.NewId("r"), customerExternalId = customer, answers = new { nps }, submittedAt,
        })).StatusCode);

    [Fact]
    public async Task Detractors_of_the_last_days_are_outside_the_audience_and_others_are_not()
    {
        var code = SurveyFixture.NewId("D").ToUpperInvariant();
        var campaign = await SurveyFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/coupon-campaigns",
            new { name = "Thanks", kind = "amount_off", value = 10m, code, status = "active" }));
        var campaignId = campaign.GetProperty("id").GetInt64();
        var rule = await f.Manage.PutAsJsonAsync($"/api/v1/coupon-campaigns/{campaignId}/detractor-rule", new { days = 30 });
        Assert.Equal(HttpStatusCode.OK, rule.StatusCode);
        Assert.Equal(30, (await SurveyFixture.JsonAsync(rule)).GetProperty("days").GetInt32());

        var survey = await f.SurveyAsync(SurveyFixture.EveryKind());
        var recent = DateTimeOffset.UtcNow.AddDays(-3).ToString("yyyy-MM-ddTHH:mm:sszzz");
        var old = DateTimeOffset.UtcNow.AddDays(-60).ToString("yyyy-MM-ddTHH:mm:sszzz");
        var (detractor, promoter, former) = (SurveyFixture.NewId("det"), SurveyFixture.NewId("pro"), SurveyFixture.NewId("old"));
        await AnswerAsync(survey, detractor, 4, recent);
        await AnswerAsync(survey, promoter, 10, recent);
        await AnswerAsync(survey, former, 2, old);

        var refused = await OrderAsync(detractor, code);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("audience_not_eligible", (await SurveyFixture.JsonAsync(refused)).GetProperty("code").GetString());
        var validation = await SurveyFixture.JsonAsync(await f.Ingest.PostAsJsonAsync("/api/v1/coupons/validate",
            new { code, customerExternalId = detractor, courseExternalId = SurveyFixture.Course }));
        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await OrderAsync(promoter, code)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await OrderAsync(former, code)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await f.Manage.PutAsJsonAsync($"/api/v1/coupon-campaigns/{campaignId}/detractor-rule", new { days = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await OrderAsync(detractor, code)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Manage.PutAsJsonAsync($"/api/v1/coupon-campaigns/{campaignId}/detractor-rule", new { days = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Manage.PutAsJsonAsync("/api/v1/coupon-campaigns/999999/detractor-rule", new { days = 5 })).StatusCode);
    }
}
