using Console.Domain.Models;
using Console.Domain.Recommendations;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>A server with its own job server polling every half second, so a run queued on the page starts at once.</summary>
public sealed class ModelsE2EApp() : E2EApp(() => ConsoleServer.StartAsync(role: "all", settings: ("Jobs:PollIntervalSeconds", "0.5")));

/// <summary>
/// A manager on the models page: the recommender's versions with their figures and the chart across them, a training run
/// started there and watched to its end, and a rollback to an earlier version after confirming, which the audit log keeps.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ModelsFlowTests(ModelsE2EApp app) : IClassFixture<ModelsE2EApp>
{
    [Fact]
    public async Task A_manager_reads_the_versions_trains_a_candidate_and_rolls_back_with_an_audit_entry()
    {
        // Two earlier runs on the small demo store, as two nights would leave them: popularity first, then every recommender.
        var db = app.Server.Db;
        var registry = new ModelRegistry(db, TimeProvider.System);
        TrainModel Training(params string[] choices) => new(db, registry,
            [new RecommenderTrainer(new StoreFeedback(db), registry, TimeProvider.System) { Choices = choices }], TimeProvider.System);
        var first = Assert.IsType<TrainModel.Outcome.Trained>(
            await Training(RecommenderNames.Popularity).RunAsync(RecommenderModel.Kind, CancellationToken.None));
        await Training(RecommenderNames.Popularity, RecommenderNames.CoOccurrence, RecommenderNames.Factors)
            .RunAsync(RecommenderModel.Kind, CancellationToken.None);

        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, "/insights/models");
        var card = page.Locator("[data-testid=model-kind-recommender]");
        var rows = page.Locator("[data-testid=versions-recommender] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1)).ToContainTextAsync(ModelFormatted(first.Candidate.Metrics[RecommenderTrainer.Metric]));
        await Expect(card.Locator(".cc-chart-wide svg .mud-chart-serie")).ToHaveCountAsync(1);
        await Expect(card.Locator(".cc-chart-wide svg circle")).ToHaveCountAsync(2);
        await Expect(card.Locator("[data-testid=training-judged]")).ToContainTextAsync("both on the evaluation window");

        // A run started here goes through the job server; the page shows it queued or running, then its result.
        await card.Locator("[data-testid=train-recommender]").ClickAsync();
        var status = card.Locator("[data-testid=training-status]");
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await rows.CountAsync() < 3 && DateTime.UtcNow < deadline)
        {
            if (await status.CountAsync() > 0) seen.Add(await status.InnerTextAsync());
            await Task.Delay(100);
        }
        Assert.True(await rows.CountAsync() == 3, $"no third version; the page showed {string.Join(" | ", seen.Distinct())}\n{app.Server.RecentLog}");
        Assert.Contains(seen, s => s.StartsWith("Training queued", StringComparison.Ordinal) || s.StartsWith("Training:", StringComparison.Ordinal));
        await Expect(status).ToContainTextAsync("Last run finished");
        await Expect(card.Locator("[data-testid=training-judged]")).ToContainTextAsync("both on the evaluation window");
        await Expect(card.Locator(".cc-chart-wide svg circle")).ToHaveCountAsync(3);

        // Roll back to the first version: a confirmation, then it is active and the audit log names the manager.
        var activeBefore = await registry.ActiveIdAsync(RecommenderModel.Kind, CancellationToken.None);
        Assert.NotEqual(first.Candidate.Id, activeBefore);
        await card.Locator($"[data-testid=activate-{first.Candidate.Id}]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("v1");
        Assert.Equal(activeBefore, await registry.ActiveIdAsync(RecommenderModel.Kind, CancellationToken.None));
        await dialog.Locator("button").Filter(new() { HasText = "Activate" }).ClickAsync();
        await Expect(card.Locator($"[data-testid=activate-{first.Candidate.Id}]")).ToHaveCountAsync(0);
        await Expect(rows.Nth(2)).ToContainTextAsync("Active");
        Assert.Equal(first.Candidate.Id, await registry.ActiveIdAsync(RecommenderModel.Kind, CancellationToken.None));
        await using var connection = await db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM audit_log WHERE action = 'model.activate' AND entity_id = @id AND actor = 'manager@demo.local'
            """, new { id = first.Candidate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    // The page writes scores to four places in the browser's English culture.
    private static string ModelFormatted(double value) => value.ToString("0.####", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
}
