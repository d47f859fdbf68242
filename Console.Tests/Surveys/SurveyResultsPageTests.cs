using System.Text.Json;
using Bunit;
using Console.Domain.Data;
using Console.Domain.Segments;
using Console.Domain.Surveys;
using Console.Jobs.Surveys;
using Console.Tests.Support;
using Console.Web.Auth;
using Console.Web.Components.Pages.Surveys;
using Dapper;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Surveys;

/// <summary>
/// The results page: it shows the stored snapshot and when it was taken, narrows to a segment picked by name, and its
/// refresh button queues the analysis job and shows the new figures once a worker has run it.
/// </summary>
public sealed class SurveyResultsPageTests : UiContext
{
    private readonly string _jobsFile = Path.Combine(Path.GetTempPath(), $"cc-survey-jobs-{Guid.NewGuid():N}.db");
    private readonly SQLiteStorage _storage;

    public SurveyResultsPageTests()
    {
        _storage = new SQLiteStorage(_jobsFile, new SQLiteStorageOptions());
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(_storage));
        Services.AddSingleton<SegmentQueries>();
        Services.AddSingleton<SegmentChoices>();
        Services.AddSingleton<SurveyResults>();
        Services.AddSingleton<RefreshSurveyResults>();
        Services.AddSingleton<RecentAnswers>();
        Services.AddSingleton<GetSurvey>();
        Services.AddSingleton<CreateSurvey>();
        Services.AddSingleton<SubmitResponse>();
        // No sentiment model or themes here: the figures this page shows come from the scores alone.
        Services.AddSingleton(sp => new AnalyseSurveys(sp.GetRequiredService<StatementRunner>(), TimeProvider.System, [], [],
            sp.GetRequiredService<RefreshSurveyResults>()));
    }

    private async Task<long> SurveyAsync()
    {
        var input = new SurveyInput("After class", [new QuestionInput("nps", QuestionKinds.Nps, new LocalText("Recommend us?", "推荐我们吗？"), Required: true)],
            null, SurveyStatus.Open);
        return Assert.IsType<CreateSurvey.Outcome.Created>(await Services.GetRequiredService<CreateSurvey>().ExecuteAsync(input, "test")).Id;
    }

    private async Task AnswerAsync(long survey, string customer, int nps)
    {
        var outcome = await Services.GetRequiredService<SubmitResponse>().ExecuteAsync(survey, new SubmitResponse.Command(Guid.NewGuid().ToString("N"),
            customer, null, null, new Dictionary<string, JsonElement> { ["nps"] = JsonSerializer.SerializeToElement(nps) }, null));
        Assert.IsType<SubmitResponse.Outcome.Created>(outcome);
    }

    private async Task<long> SeedAsync()
    {
        await using (var connection = await Store.Db.OpenAsync())
        {
            var now = DateTime.UtcNow;
            foreach (var (id, source) in new[] { ("w-1", "wechat"), ("w-2", "wechat"), ("d-1", "douyin") })
                await connection.ExecuteAsync("INSERT INTO customers (external_id, name, source, created_at, updated_at) VALUES (@id, 'Wang Fang', @source, @now, @now)",
                    new { id, source, now });
            await connection.ExecuteAsync(
                "INSERT INTO segments (name, rule_json, created_at, updated_at) VALUES ('WeChat fans', @rule, @now, @now)",
                new { rule = """{"all":[{"field":"source","op":"eq","value":"wechat"}]}""", now });
        }
        var survey = await SurveyAsync();
        await AnswerAsync(survey, "w-1", 10);
        await AnswerAsync(survey, "w-2", 9);
        await AnswerAsync(survey, "d-1", 0);
        await Services.GetRequiredService<AnalyseSurveys>().RunAsync();
        return survey;
    }

    private static string Text(IRenderedComponent<SurveyResultsPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task A_marketer_reads_the_snapshot_narrows_it_to_a_segment_and_refreshes_it_through_the_job()
    {
        try
        {
            await RefreshFlowAsync();
        }
        finally
        {
            _storage.Dispose();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_jobsFile)!, Path.GetFileName(_jobsFile) + "*")) File.Delete(file);
        }
    }

    private async Task RefreshFlowAsync()
    {
        AddAuthorization().SetAuthorized("m@x.io").SetRoles("Marketer").SetPolicies(UiPolicies.SignedIn, UiPolicies.Campaigns);
        var survey = await SeedAsync();
        Render<MudPopoverProvider>();
        var page = Render<SurveyResultsPage>(p => p.Add(x => x.Id, survey));

        page.WaitForAssertion(() => Assert.Equal("3", Text(page, "results-responses")));
        Assert.Equal("33.3", Text(page, "results-nps"));
        Assert.StartsWith("Figures as stored at", Text(page, "results-computed-at"));

        var picker = page.FindComponents<MudSelect<long?>>().Single(c => c.Instance.Label == "Segment");
        await picker.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(1));
        page.Find("[data-testid=results-apply]").Click();
        page.WaitForAssertion(() => Assert.Equal("2", Text(page, "results-responses")));
        Assert.Equal("100", Text(page, "results-nps"));
        Assert.StartsWith("Summed at", Text(page, "results-computed-at"));
        Assert.Contains("WeChat fans", page.Markup);

        await picker.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(null));
        page.Find("[data-testid=results-apply]").Click();
        page.WaitForAssertion(() => Assert.Equal("3", Text(page, "results-responses")));

        // A new answer waits for the job: the page queues it, a worker runs it, and the page shows the new snapshot.
        await AnswerAsync(survey, "d-1", 2);
        page.Find("[data-testid=results-analyse]").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=results-analysing]")));
        Assert.Equal(1, _storage.GetMonitoringApi().EnqueuedCount("default"));
        Assert.Equal("3", Text(page, "results-responses"));
        await new AnalyseSurveysJob(Services.GetRequiredService<AnalyseSurveys>()).ExecuteSurveyAsync(survey, CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal("4", Text(page, "results-responses")), TimeSpan.FromSeconds(10));
        Assert.Equal("0", Text(page, "results-nps"));
        Assert.Empty(page.FindAll("[data-testid=results-analysing]"));
    }
}
