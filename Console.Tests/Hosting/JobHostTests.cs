using System.Net;
using Console.Jobs;
using Console.Jobs.Sales;
using Console.Tests.Sales;
using Console.Tests.Support;
using Console.Web.Hosting;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Console.Tests.Hosting;

public sealed class JobHostTests
{
    [Fact]
    public async Task Role_all_starts_a_job_server_that_registers_and_runs_the_rollup()
    {
        using var app = new ConsoleApp(new() { ["role"] = "all", ["Jobs:PollIntervalSeconds"] = "0.5" });
        using var client = app.CreateClient();
        var storage = app.Service<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var recurring = Assert.Single(connection.GetRecurringJobs(), j => j.Id == RecurringJobs.RollupDailySales);
            Assert.Equal(typeof(RollupDailySalesJob), recurring.Job.Type);
            Assert.Equal("* * * * *", recurring.Cron);
        }
        var data = new SalesData(app.Store.Db);
        await data.SeedCatalogAsync(customers: 2, courses: 1);
        await data.AddOrderAsync(1, 1, "douyin", 19_900, 0, SalesData.Start);

        app.Service<IRecurringJobManager>().Trigger(RecurringJobs.RollupDailySales);

        // A bounded wait for the server to pick the job up; how long it takes is not what is tested.
        await WaitUntilAsync(async () =>
        {
            await using var c = await app.Store.Db.OpenAsync();
            return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders WHERE rolled_up = 1") == 1;
        });
        await using (var c = await app.Store.Db.OpenAsync())
            Assert.Equal(19_900, await c.ExecuteScalarAsync<long>("SELECT SUM(gross) FROM daily_sales"));
        await WaitUntilAsync(() => Task.FromResult(storage.GetMonitoringApi().Servers().Any(s => s.Name.Contains(":all", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task The_jobs_page_shows_each_schedule_with_its_last_run_time_and_next_run_to_admins_only()
    {
        using var app = new ConsoleApp(new() { ["role"] = "all", ["Jobs:PollIntervalSeconds"] = "0.5" });
        using var client = app.CreateClient();
        app.Service<IRecurringJobManager>().Trigger(RecurringJobs.ExpireGroupBuyTeams);
        var overview = app.Service<JobsOverview>();
        await WaitUntilAsync(() => Task.FromResult(
            overview.List().Single(j => j.Id == RecurringJobs.ExpireGroupBuyTeams).LastState == "Succeeded"));

        var expire = overview.List().Single(j => j.Id == RecurringJobs.ExpireGroupBuyTeams);
        Assert.NotNull(expire.LastRunUtc);
        Assert.NotNull(expire.NextRunUtc);
        Assert.NotNull(expire.RunTime);
        Assert.Empty(expire.RecentFailures);
        Assert.Equal(RecurringJobs.Ids.Order(), overview.List().Select(j => j.Id).Order());

        await BrowserSession.AddUserAsync(app, "admin@x.io", Console.Domain.Admin.Roles.Admin);
        var admin = new BrowserSession(app);
        await admin.SignInAsync("admin@x.io", "longpassword1");
        var page = await admin.Client.GetStringAsync("/admin/jobs");
        Assert.Contains("Expire group-buy teams", page);
        Assert.Contains("Daily sales figures", page);
        Assert.DoesNotContain(app.Store.Directory, page);
        var dashboard = await admin.Client.GetStringAsync(JobServices.DashboardPath + "/recurring");
        Assert.DoesNotContain(app.Store.Directory, dashboard);

        await BrowserSession.AddUserAsync(app, "m@x.io", Console.Domain.Admin.Roles.Marketer);
        var marketer = new BrowserSession(app);
        await marketer.SignInAsync("m@x.io", "longpassword1");
        var refused = await marketer.Client.GetAsync("/admin/jobs");
        Assert.True(refused.StatusCode == HttpStatusCode.Redirect || refused.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/denied"),
            $"a marketer got {(int)refused.StatusCode} for /admin/jobs");
    }

    [Fact]
    public async Task Role_web_serves_the_api_but_runs_no_job_server_and_registers_no_schedule()
    {
        using var app = new ConsoleApp();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("BackgroundJobServer", StringComparison.Ordinal));
        using var connection = app.Service<JobStorage>().GetConnection();
        Assert.Empty(connection.GetRecurringJobs());
    }

    [Fact]
    public async Task Role_worker_answers_its_health_checks_and_nothing_else()
    {
        using var app = new ConsoleApp(new() { ["role"] = "worker" });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/docs")).StatusCode);
        Assert.Equal(404, (await LoopbackGetAsync(app, JobServices.DashboardPath)).Response.StatusCode);
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("BackgroundJobServer", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_role_stops_the_start_with_a_clear_error()
    {
        using var app = new ConsoleApp(new() { ["role"] = "banana" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Unknown role 'banana'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_dashboard_needs_a_signed_in_admin_even_from_this_machine()
    {
        using var app = new ConsoleApp();

        // Sign-in, not the caller's address, decides: an anonymous loopback request is sent to the sign-in form.
        foreach (var remote in new[] { IPAddress.Loopback, IPAddress.Parse("203.0.113.9") })
        {
            var refused = await app.Server.SendAsync(c => Get(c, JobServices.DashboardPath + "/recurring", remote));
            Assert.Equal(302, refused.Response.StatusCode);
            Assert.Contains("/signin?ReturnUrl=%2Fjobs", refused.Response.Headers.Location.ToString());
        }
    }

    [Theory]
    [InlineData(null, HostRole.All)]
    [InlineData("", HostRole.All)]
    [InlineData("ALL", HostRole.All)]
    [InlineData(" web ", HostRole.Web)]
    [InlineData("Worker", HostRole.Worker)]
    public void Roles_parse_case_insensitively_and_default_to_all(string? text, HostRole expected) =>
        Assert.Equal(expected, JobsRole.Parse(text));

    private static Task<Microsoft.AspNetCore.Http.HttpContext> LoopbackGetAsync(ConsoleApp app, string path) =>
        app.Server.SendAsync(c => Get(c, path, IPAddress.Loopback));

    private static void Get(Microsoft.AspNetCore.Http.HttpContext context, string path, IPAddress remote)
    {
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = remote;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true within a minute.");
            await Task.Delay(100);
        }
    }
}
