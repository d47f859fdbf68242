using Console.Domain.Consent;
using Console.Domain.Data;
using Console.Domain.Email;
using Console.Web.Components.Pages.Consent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Console.Web.Hosting;

/// <summary>Consent history, one-click unsubscribe links, sealed personal data and the Data Protection key ring behind both.</summary>
internal static class ConsentRegistrations
{
    /// <summary>DataProtection:KeysPath, when set, is the key ring's folder; every node that serves /u/ must share it.</summary>
    public const string KeysPathSetting = "DataProtection:KeysPath";

    public static void Add(IServiceCollection services)
    {
        services.AddOptions<ConsentOptions>().BindConfiguration(ConsentOptions.Section)
            .Validate(ConsentOptions.IsValid, "Console:PublicUrl must be an absolute http or https address without a query.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsentOptions>>().Value);
        // Keys kept on disk (beside the database by default) so links in mail sent before a restart still work after it.
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, IOptions<DatabaseOptions>, ILoggerFactory>((keys, config, database, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysPath(config, database.Value)), logs));
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<IUnsubscribeLinks>(sp => sp.GetRequiredService<UnsubscribeLinks>());
        services.AddSingleton<ConsentChanges>();
        services.AddSingleton<Unsubscribe>();
        services.AddSingleton<PrivacyTexts>();
        services.AddSingleton<PersonalData>();
        services.AddSingleton<EventRetention>();
        services.AddSingleton<Console.Domain.Events.PurgeOldEvents>();
        services.AddSingleton<Console.Domain.Customers.SealPersonalData>();
    }

    /// <summary>
    /// Personal data sealed with the key ring a console on this SQLite store would use (keys/ beside the file), for code
    /// that works on a store without a host: tools and tests that must read what the console wrote, and the reverse.
    /// </summary>
    public static PersonalData PersonalDataBeside(Db db) => new(
        DataProtectionProvider.Create(new DirectoryInfo(KeysPath(new ConfigurationBuilder().Build(),
            new DatabaseOptions { Provider = Dialect.Sqlite, Path = db.SqlitePath ?? "data/console.db" })), b => b.SetApplicationName(ApplicationName)),
        db, TimeProvider.System);

    private const string ApplicationName = "CampaignConsole";

    /// <summary>The configured folder, else keys/ beside the SQLite file (data/keys by default), else data/keys.</summary>
    public static string KeysPath(IConfiguration config, DatabaseOptions database)
    {
        if (config[KeysPathSetting] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        var beside = database.Provider == Dialect.Sqlite && Path.GetDirectoryName(Path.GetFullPath(database.Path)) is { } folder ? folder : "data";
        return Path.GetFullPath(Path.Combine(beside, "keys"));
    }
}
