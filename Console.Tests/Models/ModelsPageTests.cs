using Bunit;
using Console.Domain.Models;
using Console.Web.Auth;
using Console.Web.Components.Pages.Models;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Models;

/// <summary>The models page: every version with its figures; a Manager rolls back after confirming, a Marketer cannot.</summary>
public sealed class ModelsPageTests : UiContext
{
    private readonly ModelRegistry _registry;

    public ModelsPageTests()
    {
        _registry = new ModelRegistry(Store.Db, TimeProvider.System);
        Services.AddSingleton(_registry);
        Services.AddSingleton(new TrainingRuns(Store.Db));
        Services.AddSingleton(new ActiveModels(_registry, TimeProvider.System));
        Services.AddSingleton(new TrainModel(Store.Db, _registry, [], TimeProvider.System));
        // The job store a web node queues "train now" into; these tests queue nothing.
        Services.AddSingleton<Hangfire.IBackgroundJobClient>(new Hangfire.BackgroundJobClient(
            new Hangfire.Storage.SQLite.SQLiteStorage(System.IO.Path.Combine(Store.Directory, "jobs.db"), new Hangfire.Storage.SQLite.SQLiteStorageOptions())));
    }

    private async Task<(ModelVersion Old, ModelVersion Current)> TwoVersionsAsync()
    {
        var window = new TrainingWindow(new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var old = await _registry.SaveCandidateAsync(ModelKinds.Propensity, [1], window, new Dictionary<string, string>(),
            new Dictionary<string, double> { ["auc"] = 0.71, ["log_loss"] = 0.05 }, 1_000, CancellationToken.None);
        await _registry.PromoteIfBetterAsync(old.Id, (_, _) => true, CancellationToken.None);
        var current = await _registry.SaveCandidateAsync(ModelKinds.Propensity, [2], window, new Dictionary<string, string>(),
            new Dictionary<string, double> { ["auc"] = 0.77, ["log_loss"] = 0.04 }, 1_200, CancellationToken.None);
        await _registry.PromoteIfBetterAsync(current.Id, (_, _) => true, CancellationToken.None);
        return (old, current);
    }

    [Fact]
    public async Task A_manager_rolls_back_to_an_earlier_version_after_confirming()
    {
        var (old, current) = await TwoVersionsAsync();
        AddAuthorization().SetAuthorized("boss@x.io").SetRoles("Manager").SetPolicies(UiPolicies.SignedIn, UiPolicies.Insights);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ModelsPage>();

        page.WaitForAssertion(() => Assert.Contains("0.77", page.Markup));
        Assert.Contains("0.71", page.Markup);
        Assert.Empty(page.FindAll($"[data-testid=activate-{current.Id}]"));
        page.Find($"[data-testid=activate-{old.Id}]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Activate this version?", dialogs.Markup));
        Assert.Equal(current.Id, await _registry.ActiveIdAsync(ModelKinds.Propensity, CancellationToken.None));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Activate").Click();

        page.WaitForAssertion(() => Assert.Equal(old.Id, _registry.ActiveIdAsync(ModelKinds.Propensity, CancellationToken.None).Result));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=activate-{current.Id}]")));
    }

    [Fact]
    public async Task A_marketer_sees_the_models_but_no_way_to_activate_one()
    {
        var (old, _) = await TwoVersionsAsync();
        AddAuthorization().SetAuthorized("m@x.io").SetRoles("Marketer").SetPolicies(UiPolicies.SignedIn, UiPolicies.Campaigns);
        Render<MudPopoverProvider>();
        var page = Render<ModelsPage>();

        page.WaitForAssertion(() => Assert.Contains("0.77", page.Markup));
        Assert.Contains("Purchase propensity", page.Markup);
        Assert.Empty(page.FindAll($"[data-testid=activate-{old.Id}]"));
        Assert.Empty(page.FindAll("[data-testid^=activate-]"));
    }

    [Fact]
    public async Task The_last_run_shows_both_figures_and_the_window_they_were_computed_on()
    {
        var (_, current) = await TwoVersionsAsync();
        await using (var connection = await Store.Db.OpenAsync())
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                INSERT INTO model_training (kind, status, run_token, stage, fraction, started_at, updated_at, finished_at, message,
                    candidate_id, promoted, compared_metric, candidate_figure, active_id, active_figure, evaluated_from, evaluated_to)
                VALUES ('propensity', 'done', 'r1', 'done', 1, @at, @at, @at, 'kept as candidate', @id, 0, 'auc', 0.7512, @id, 0.7634,
                    @from, @to)
                """, new
            {
                at = new DateTime(2026, 6, 2, 2, 0, 0, DateTimeKind.Utc), id = current.Id,
                from = new DateTime(2026, 5, 2, 0, 0, 0, DateTimeKind.Utc), to = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc),
            });
        AddAuthorization().SetAuthorized("m@x.io").SetRoles("Marketer").SetPolicies(UiPolicies.SignedIn, UiPolicies.Campaigns);
        Render<MudPopoverProvider>();
        var page = Render<ModelsPage>();

        page.WaitForAssertion(() => Assert.Contains("0.7512", page.Find("[data-testid=training-judged]").TextContent));
        var judged = page.Find("[data-testid=training-judged]").TextContent;
        Assert.Contains("against the active version's 0.7634", judged);
        Assert.Contains("both on the evaluation window 2026-05-02", judged);
        // The run's outcome is worded by the page from whether it promoted, not shown as the job's own English.
        Assert.Contains("did not do better and stays a candidate", page.Find("[data-testid=training-status]").TextContent);
    }
}
