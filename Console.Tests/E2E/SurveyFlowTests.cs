using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>A marketer builds a survey, a respondent answers it on a phone in Chinese, and the marketer reads the result.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class SurveyFlowTests(JobsE2EApp app) : IClassFixture<JobsE2EApp>
{
    [Fact]
    public async Task A_survey_is_built_answered_in_chinese_on_a_phone_and_its_nps_and_sentiment_are_read_back()
    {
        var name = "After the live class " + Guid.NewGuid().ToString("N")[..6];
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword, "/insights/surveys/new");
        await Expect(page.Locator("input[data-testid=survey-name]")).ToBeVisibleAsync();
        await Ui.WaitForCircuitAsync(page);

        // The builder starts with an NPS question; the marketer fills its texts and adds a free-text one.
        await page.Locator("input[data-testid=survey-name]").FillAsync(name);
        await page.Locator("input[data-testid=question-en]").First.FillAsync("How likely are you to recommend us?");
        await page.Locator("input[data-testid=question-zh]").First.FillAsync("您向朋友推荐我们的可能性有多大？");
        await page.Locator("[data-testid=question-add]").ClickAsync();
        await Expect(page.Locator("[data-testid=survey-question]")).ToHaveCountAsync(2);
        await page.Locator("input[data-testid=question-en]").Nth(1).FillAsync("What should we change?");
        await page.Locator("[data-testid=survey-save]").ClickAsync();
        // The Chinese text of the second question is missing: the builder says so beside it and stores nothing.
        var secondChinese = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("input[data-testid=question-zh]") }).Nth(1);
        await Expect(secondChinese).ToHaveClassAsync(ErrorClass());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM surveys WHERE name = @name", new { name }));
        await page.Locator("input[data-testid=question-zh]").Nth(1).FillAsync("我们应该改进什么？");
        await page.Locator("[data-testid=survey-save]").ClickAsync();
        await Expect(page).ToHaveURLAsync(BuilderUrl());
        await Ui.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=survey-preview]")).ToContainTextAsync("What should we change?");

        await page.Locator("[data-testid=survey-open]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.Locator("[data-testid=survey-status]")).ToContainTextAsync("Open");
        await page.Locator("[data-testid=survey-new-link]").ClickAsync();
        var link = await page.Locator("[data-testid=survey-link-url]").InnerTextAsync();

        // A respondent opens the link on a 390 px phone whose browser asks for Chinese.
        await using var phone = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true });
        var respondent = await phone.NewPageAsync();
        var blocked = new List<string>();
        respondent.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(message.Text); };
        await respondent.GotoAsync(link);
        await Expect(respondent.Locator("legend").First).ToContainTextAsync("您向朋友推荐我们的可能性有多大？");
        await respondent.Locator("button[type=submit]").ClickAsync();
        await Expect(respondent.Locator("#error-nps")).ToBeVisibleAsync();
        Assert.Equal("请回答此题。", (await respondent.Locator("#error-nps").InnerTextAsync()).Trim());
        Assert.True(await respondent.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await respondent.Locator("label.sv-point", new() { HasText = "3" }).First.ClickAsync();
        await respondent.Locator("textarea").FillAsync("直播一直卡顿，声音也听不清楚，体验很差，太失望了");
        await respondent.Locator("button[type=submit]").ClickAsync();
        await Expect(respondent.Locator("#thanks")).ToBeVisibleAsync();
        await respondent.GotoAsync(link);
        await Expect(respondent.Locator("#message")).ToContainTextAsync("已经回答过");
        Assert.Empty(blocked);

        // The marketer asks for the analysis and reads the NPS and the answer's sentiment.
        await page.Locator("[data-testid=survey-results]").ClickAsync();
        await Ui.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=results-analyse]").ClickAsync();
        try
        {
            await Expect(page.Locator("[data-testid=results-nps]")).ToHaveTextAsync("-100", new() { Timeout = 90_000 });
        }
        catch (PlaywrightException e)
        {
            // The analysis runs in the server's job: its log says why no figure came.
            throw new Xunit.Sdk.XunitException($"{e.Message}\nserver log:\n{app.Server.RecentLog}\npage:\n{await page.Locator("body").InnerTextAsync()}");
        }
        await Expect(page.Locator("[data-testid=answer-text]").First).ToContainTextAsync("直播一直卡顿");
        await Expect(page.Locator("[data-testid=answer-sentiment]").First).ToHaveTextAsync("Negative");
        await Screenshots.SaveAsync(page, "survey-results");
    }

    private async Task<long> ScalarAsync(string sql, object args)
    {
        await using var connection = await app.Server.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    [GeneratedRegex("mud-input-error")]
    private static partial Regex ErrorClass();

    [GeneratedRegex(@"/insights/surveys/\d+$")]
    private static partial Regex BuilderUrl();
}
