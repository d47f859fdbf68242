using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Web.Hosting;

public static class DomainServices
{
    /// <summary>The store and the domain services every role needs: web, worker and the CLI verbs.</summary>
    public static WebApplicationBuilder AddDomainServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .PostConfigure<IConfiguration>((o, config) => o.SqlServerConnectionString ??= config.GetConnectionString("Console"))
            .Validate(o => o.Provider == Dialect.Sqlite || !string.IsNullOrWhiteSpace(o.SqlServerConnectionString),
                "Database:Provider is SqlServer, so ConnectionStrings:Console must be set.")
            .ValidateOnStart();
        services.AddOptions<BusinessOptions>().BindConfiguration(BusinessOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Business:TimeZone is not a known time zone.")
            .Validate(o => MoneyBounds.IsValidMax(o.MaxAmount), MoneyBounds.SettingRule)
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton(sp => new Db(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value));
        services.AddSingleton(sp => new BusinessTime(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BusinessOptions>>().Value));
        services.AddSingleton(sp => new MoneyBounds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BusinessOptions>>().Value.MaxAmount));
        services.AddSingleton<Migrator>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<ConsoleUsers>();
        DomainRegistrations.Add(services);
        services.AddHostedService<SentimentWarmUp>();
        return builder;
    }
}
