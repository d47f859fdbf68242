using Console.Domain.Data;
using Console.Jobs;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace Console.Web.Hosting;

public static class JobServices
{
    public const string DashboardPath = "/jobs";

    /// <summary>Hangfire storage for every role; a job server for all and worker. An unknown role stops the start.</summary>
    public static WebApplicationBuilder AddJobServices(this WebApplicationBuilder builder)
    {
        var role = JobsRole.Parse(builder.Configuration[JobsRole.Key]);
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section)
            .Validate(o => o.PollIntervalSeconds > 0, "Jobs:PollIntervalSeconds must be positive.")
            .ValidateOnStart();
        // Storage and activator are this host's own: Hangfire's static defaults would be shared by every host in the process.
        services.AddSingleton<JobStorage>(CreateStorage);
        services.AddSingleton<JobsOverview>();
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        // Queuing a report's render needs the job client, which only hosts with a job store have.
        services.AddSingleton<Console.Jobs.Reports.QueueRenderReport>();
        if (role.RunsJobServer())
            services.AddHangfireServer((sp, options) =>
            {
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{role.ToString().ToLowerInvariant()}";
                options.SchedulePollingInterval = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<JobsOptions>>().Value.PollIntervalSeconds);
            });
        if (role == HostRole.Worker) services.AddSingleton<IStartupFilter, JobsWorkerOnly>();
        return builder;
    }

    /// <summary>Registers the recurring schedules where a job server runs; maps the dashboard where the UI is served.</summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        var role = JobsRole.Parse(app.Configuration[JobsRole.Key]);
        if (role.RunsJobServer()) RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>());
        if (role.ServesWeb())
            app.UseHangfireDashboard(DashboardPath, new DashboardOptions
            {
                Authorization = [],
                AsyncAuthorization = [new JobsDashboardAuthorization()],
                DashboardTitle = "Campaign Console jobs",
                AppPath = "/admin/jobs",
                // The footer would otherwise show the job store's file path or connection string to every Admin's screen.
                DisplayStorageConnectionString = false,
            });
        return app;
    }

    private static JobStorage CreateStorage(IServiceProvider sp)
    {
        var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
        var poll = TimeSpan.FromSeconds(jobs.PollIntervalSeconds);
        if (database.Provider == Dialect.SqlServer)
            return new SqlServerStorage(database.SqlServerConnectionString, new SqlServerStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
            });
        var path = Path.GetFullPath(jobs.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = poll });
    }
}
