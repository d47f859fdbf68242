using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Console.Domain.GroupBuys;
using Console.Tests.Admin;
using Dapper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>
/// A marketer sets up a group buy in the console, the storefront fills, opens and lets teams lapse through the API,
/// and the marketer watches the board, the figures and the refunds owed.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class GroupBuyFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    private const int TeamSize = 3;
    private const int WindowMinutes = 30;

    [Fact]
    public async Task A_marketer_sets_up_a_group_buy_and_watches_its_teams_fill_fail_and_the_refunds_owed()
    {
        var name = "Team up " + Guid.NewGuid().ToString("N")[..6];
        var course = await CheapestCourseAsync();
        var groupPrice = Math.Floor(course.ListPrice / 100m * 0.6m);
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword, "/promotions/group-buys/new");

        // Picking from a select answers only once the circuit is up, so the rest of the form is filled after it.
        await Ui.PickAsync(page, "Course", "(" + course.ExternalId + ")");
        await Ui.PickAsync(page, "Status", "Active");
        await Ui.Field(page, "Name").FillAsync(name);
        await page.Locator("input[data-testid=team-size]").FillAsync("1");
        await page.Locator("input[data-testid=group-price]").FillAsync(groupPrice.ToString(CultureInfo.InvariantCulture));
        await page.Locator("input[data-testid=leader-price]").FillAsync((groupPrice + 1).ToString(CultureInfo.InvariantCulture));
        await Ui.Field(page, "Team window (minutes)").FillAsync(WindowMinutes.ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=save]").ClickAsync();

        await Expect(ErrorOf(page, "leader-price")).ToContainTextAsync("The leader's price may not be above the group price.");
        await Expect(ErrorOf(page, "team-size")).ToContainTextAsync("Must be between 2 and 50.");
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM group_buy_campaigns WHERE name = @name", new { name }));

        await page.Locator("input[data-testid=team-size]").FillAsync(TeamSize.ToString(CultureInfo.InvariantCulture));
        await page.Locator("input[data-testid=leader-price]").FillAsync((groupPrice - 1).ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=save]").ClickAsync();
        await Expect(page).ToHaveURLAsync(CampaignUrl());
        var campaignId = long.Parse(CampaignUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(1, await ScalarAsync(
            "SELECT COUNT(*) FROM group_buy_campaigns WHERE id = @campaignId AND name = @name AND team_size = @TeamSize AND status = 'active'",
            new { campaignId, name, TeamSize }));

        var teams = await MakeTeamsAsync(campaignId, course.ExternalId);

        await page.ReloadAsync();
        await Ui.WaitForCircuitAsync(page);
        await ExpectBoardAsync(page, campaignId, teams);
        await Screenshots.SaveAsync(page, "group-buy-board");
        await ExpectRefundDueAsync(page, campaignId, teams.FailedOrders);
    }

    private sealed record Teams(long Succeeded, long Open, long Failed, IReadOnlyList<string> FailedOrders);

    /// <summary>As the storefront would: one team fails to fill, one fills, one is still gathering.</summary>
    private async Task<Teams> MakeTeamsAsync(long campaignId, string course)
    {
        using var api = await app.Server.ClientWithKeyAsync("storefront-e2e");
        var run = Guid.NewGuid().ToString("N")[..6];

        // The team that will fail opens first, so its window ends before the open team's.
        var (failed, failedLeader) = await OrderAsync(api, course, campaignId, null, $"gbf1-{run}");
        var (_, failedJoiner) = await OrderAsync(api, course, campaignId, failed, $"gbf2-{run}");
        var (succeeded, _) = await OrderAsync(api, course, campaignId, null, $"gbs1-{run}");
        for (var i = 2; i <= TeamSize; i++) await OrderAsync(api, course, campaignId, succeeded, $"gbs{i}-{run}");
        var (open, _) = await OrderAsync(api, course, campaignId, null, $"gbo1-{run}");
        await OrderAsync(api, course, campaignId, open, $"gbo2-{run}");

        // The server's clock cannot be moved from here: the expiry job's own class runs with a clock at the first team's deadline.
        var deadline = await ExpiresAtAsync(failed);
        Assert.True(await ExpiresAtAsync(open) > deadline, "the open team must outlive the failing one");
        // The demo's own open teams expire within hours of its end, so by this deadline the job fails them too: those
        // already past are failed first, as the server's minutely run would, and the rest are counted in.
        await new ExpireTeams(app.Server.Db, TimeProvider.System).ExecuteAsync();
        await using (var connection = await app.Server.Db.OpenAsync())
        {
            var demo = await connection.QuerySingleAsync<(long Teams, long Orders)>(
                """
                SELECT COUNT(*), COALESCE(SUM((SELECT COUNT(*) FROM group_buy_members m JOIN orders o ON o.id = m.order_id
                                               WHERE m.team_id = t.id AND o.status = 'awaiting_group')), 0)
                FROM group_buy_teams t WHERE t.campaign_id <> @campaignId AND t.state = 'open' AND t.expires_at <= @deadline
                """, new { campaignId, deadline });
            var result = await new ExpireTeams(app.Server.Db, new ManualClock(new DateTimeOffset(deadline, TimeSpan.Zero))).ExecuteAsync();
            Assert.Equal(new ExpireTeams.Result(1 + (int)demo.Teams, 2 + (int)demo.Orders), result);
        }
        Assert.Equal(TeamState.Succeeded, await StateAsync(succeeded));
        Assert.Equal(TeamState.Open, await StateAsync(open));
        Assert.Equal(TeamState.Failed, await StateAsync(failed));
        return new Teams(succeeded, open, failed, [failedLeader, failedJoiner]);
    }

    private static async Task<(long TeamId, string OrderId)> OrderAsync(HttpClient api, string course, long campaignId, long? teamId, string id)
    {
        var orderId = "order-" + id;
        var response = await api.PostAsJsonAsync("/api/v1/orders", new
        {
            orderId, customerExternalId = "cust-" + id, courseExternalId = course, channel = "douyin", groupBuy = new { campaignId, teamId },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("groupBuyTeam").GetProperty("teamId").GetInt64(), orderId);
    }

    private async Task ExpectBoardAsync(IPage page, long campaignId, Teams teams)
    {
        var board = await new TeamBoard(app.Server.Db).SummaryAsync(campaignId);
        await using var connection = await app.Server.Db.OpenAsync();
        var fillSeconds = await connection.ExecuteScalarAsync<double>(
            """
            SELECT AVG((julianday(closed_at) - julianday(opened_at)) * 86400.0) FROM group_buy_teams
            WHERE campaign_id = @campaignId AND state = 'succeeded'
            """, new { campaignId });
        var closed = (double)(board.Succeeded + board.Failed);
        var summary = page.Locator("[data-testid=team-summary]");
        await Expect(summary).ToContainTextAsync($"{board.Open} open, {board.Succeeded} succeeded, {board.Failed} failed");
        await Expect(summary).ToContainTextAsync("success rate " + (board.Succeeded / closed).ToString("0.0%", CultureInfo.GetCultureInfo("en-US")));
        await Expect(summary).ToContainTextAsync("average time to fill " + ShownDuration(TimeSpan.FromSeconds(Math.Round(fillSeconds))));

        foreach (var (teamId, state) in new[] { (teams.Succeeded, "Succeeded"), (teams.Open, "Open"), (teams.Failed, "Failed") })
        {
            var team = await connection.QuerySingleAsync<(long Members, long Size, DateTime ExpiresAt, DateTime? ClosedAt)>(
                "SELECT members, size, expires_at, closed_at FROM group_buy_teams WHERE id = @teamId", new { teamId });
            var members = (await connection.QueryAsync<string>(
                """
                SELECT cu.external_id FROM group_buy_members m JOIN customers cu ON cu.id = m.customer_id
                WHERE m.team_id = @teamId ORDER BY m.is_leader DESC, m.id
                """, new { teamId })).ToList();
            // The first column is the team id; the refund list below has a team column too.
            var row = page.Locator(PageRoutes.GridRow).Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new Regex($"^{teamId}$") }) });
            await Expect(row).ToContainTextAsync(state);
            await Expect(row).ToContainTextAsync($"{team.Members} / {team.Size}");
            await Expect(row).ToContainTextAsync(string.Join(", ", members));
            if (team.ClosedAt is { } closedAt)
                await Expect(row).ToContainTextAsync(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(closedAt, DateTimeKind.Utc),
                    StoreFigures.Time.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            else
            {
                // Time left is read against the clock, which moves while the page renders: a minute either way.
                var shown = TimeLeft().Match(await row.InnerTextAsync());
                Assert.True(shown.Success, await row.InnerTextAsync());
                var left = int.Parse(shown.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(shown.Groups[2].Value, CultureInfo.InvariantCulture);
                var expected = (DateTime.SpecifyKind(team.ExpiresAt, DateTimeKind.Utc) - DateTime.UtcNow).TotalMinutes;
                Assert.InRange(left, expected - 1.5, expected + 1.5);
            }
        }
    }

    private async Task ExpectRefundDueAsync(IPage page, long campaignId, IReadOnlyList<string> failedOrders)
    {
        await using var connection = await app.Server.Db.OpenAsync();
        var due = (await connection.QueryAsync<(string OrderId, long Owed)>(
            """
            SELECT o.order_id, o.payable - o.refunded FROM group_buy_members m JOIN group_buy_teams t ON t.id = m.team_id
            JOIN orders o ON o.id = m.order_id WHERE t.campaign_id = @campaignId AND o.status = 'refund_due'
            """, new { campaignId })).ToList();
        Assert.Equal(failedOrders.Order(), due.Select(d => d.OrderId).Order());
        var owed = due.Sum(d => d.Owed) / 100m;
        await Expect(page.Locator("[data-testid=refund-due-total]")).ToContainTextAsync($"{due.Count} orders, ¥{owed.ToString("N2", CultureInfo.GetCultureInfo("en-US"))} owed");
        foreach (var orderId in failedOrders)
            await Expect(page.Locator(PageRoutes.GridRow).Filter(new() { HasText = orderId })).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Export (CSV)").ClickAsync());
        Assert.Equal($"group-buy-{campaignId}-refund-due.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(failedOrders.Order(), lines.Select(l => l.Split(',')[0]).Order());
    }

    private static ILocator ErrorOf(IPage page, string testId) =>
        page.Locator(".mud-input-control.mud-input-error").Filter(new() { Has = page.Locator($"input[data-testid={testId}]") });

    /// <summary>The page's duration wording: hours and minutes from an hour up, whole minutes (at least one) below.</summary>
    private static string ShownDuration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : span.TotalMinutes < 1 ? "under 1 min" : $"{(int)Math.Round(span.TotalMinutes)} min";

    private async Task<DateTime> ExpiresAtAsync(long teamId) =>
        DateTime.SpecifyKind(await QueryAsync<DateTime>("SELECT expires_at FROM group_buy_teams WHERE id = @teamId", new { teamId }), DateTimeKind.Utc);

    private Task<string> StateAsync(long teamId) => QueryAsync<string>("SELECT state FROM group_buy_teams WHERE id = @teamId", new { teamId });

    private Task<long> ScalarAsync(string sql, object args) => QueryAsync<long>(sql, args);

    private async Task<T> QueryAsync<T>(string sql, object args)
    {
        await using var connection = await app.Server.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("no value for " + sql);
    }

    private sealed record CourseRow(string ExternalId, long ListPrice);

    private async Task<CourseRow> CheapestCourseAsync()
    {
        await using var connection = await app.Server.Db.OpenAsync();
        return await connection.QueryFirstAsync<CourseRow>(
            "SELECT external_id AS ExternalId, list_price AS ListPrice FROM courses WHERE list_price >= 1000 ORDER BY list_price, external_id");
    }

    [GeneratedRegex(@"/promotions/group-buys/(\d+)$")]
    private static partial Regex CampaignUrl();

    [GeneratedRegex(@"(\d+) h (\d+) min")]
    private static partial Regex TimeLeft();
}
