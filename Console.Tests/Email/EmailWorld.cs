using Console.Domain.Data;
using Console.Domain.Email;
using Console.Domain.Segments;
using Console.Tests.Support;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Email;

/// <summary>
/// One worker's view of a store: the real domain services over a SQLite file, with settings of its own. Two worlds
/// over one store are two workers; a world also seeds the customers, segment and campaign a test sends.
/// </summary>
public sealed class EmailWorld : IDisposable
{
    public const long SegmentId = 7;
    private readonly ServiceProvider _services;

    public EmailWorld(TempStore store, IReadOnlyDictionary<string, string?> settings, FixedSegmentMembers? segments = null)
    {
        Store = store;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = store.Path }));
        services.AddSingleton(new BusinessTime(new BusinessOptions()));
        services.AddSingleton(MoneyBounds.Default);
        Console.Web.Hosting.DomainRegistrations.Add(services);
        // Registered after the capabilities' own, so these win: the sending tests name their recipients directly.
        services.AddSingleton<ISegmentMembers>(segments ?? new FixedSegmentMembers());
        services.AddSingleton<IUnsubscribeLinks, TestUnsubscribeLinks>();
        services.AddSingleton(store.PersonalData);
        _services = services.BuildServiceProvider();
    }

    public TempStore Store { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Settings of a worker sending to the loopback server fast, with short retries and lease.</summary>
    public static Dictionary<string, string?> Smtp(int port, int rate = 2000, int connections = 3) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "none",
        ["Email:Smtp:Connections"] = connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:TimeoutSeconds"] = "2",
        ["Email:SendingLeaseSeconds"] = "5",
        ["Email:RetryBaseMilliseconds"] = "50",
        ["Email:MaxAttempts"] = "12",
        ["Email:RatePerSecond"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:FrequencyCapPerWeek"] = "2",
    };

    /// <summary>
    /// n customers: every tenth has no address, the next one has not opted in, every seventh has had two messages this
    /// week (the cap), and the rest may be mailed. Answers every id and the addresses that are eligible.
    /// </summary>
    public static (IReadOnlyList<long> Ids, IReadOnlySet<string> Eligible, IReadOnlySet<string> Ineligible) SeedCustomers(TempStore store, int n)
    {
        using var connection = store.Db.Open();
        using var tx = connection.BeginTransaction();
        var now = DateTime.UtcNow;
        var ids = new List<long>();
        var eligible = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ineligible = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        connection.Execute("""
            INSERT INTO email_campaigns (name, segment_id, subject, html, status, created_at, updated_at) VALUES ('earlier', 0, 's', 'h', 'sent', @now, @now);
            INSERT INTO email_runs (campaign_id, run_key, status, created_at) SELECT MAX(id), 'first', 'sent', @now FROM email_campaigns;
            INSERT INTO email_runs (campaign_id, run_key, status, created_at) SELECT MAX(id), 'second', 'sent', @now FROM email_campaigns;
            """, new { now }, tx);
        var earlierRun = connection.ExecuteScalar<long>("SELECT MIN(id) FROM email_runs", transaction: tx);
        for (var i = 1; i <= n; i++)
        {
            var email = i % 10 == 0 ? null : $"c{i}@example.com";
            var optIn = i % 10 != 1;
            var id = connection.ExecuteScalar<long>("""
                INSERT INTO customers (external_id, email, name, city, email_opt_in, created_at, updated_at)
                VALUES (@ext, @email, @name, 'Hangzhou', @optIn, @now, @now);
                SELECT last_insert_rowid();
                """, new { ext = $"c{i}", email, name = $"Customer {i}", optIn, now }, tx);
            ids.Add(id);
            var capped = i % 7 == 0;
            if (capped)
                connection.Execute("""
                    INSERT INTO email_recipients (run_id, campaign_id, customer_id, email, state, attempts, next_attempt_at, sent_at, updated_at)
                    SELECT @run, campaign_id, @id, @email, 'sent', 1, @now, @now, @now FROM email_runs WHERE id = @run;
                    INSERT INTO email_recipients (run_id, campaign_id, customer_id, email, state, attempts, next_attempt_at, sent_at, updated_at)
                    SELECT @run2, campaign_id, @id, @email, 'sent', 1, @now, @now, @now FROM email_runs WHERE id = @run2;
                    """, new { run = earlierRun, run2 = earlierRun + 1, id, email, now = now.AddDays(-1) }, tx);
            if (email is not null) (optIn && !capped ? eligible : ineligible).Add(email);
        }
        tx.Commit();
        return (ids, eligible, ineligible);
    }

    /// <summary>Creates a campaign to the segment and freezes its recipients; answers the campaign and its run.</summary>
    public async Task<(long CampaignId, long RunId)> CampaignAsync(int holdoutPercent = 0)
    {
        var created = await Get<CreateEmailCampaign>().ExecuteAsync(new EmailCampaignInput("Spring", SegmentId, "Hello {{ customer.first_name }}",
            "<p>Hi {{ customer.name }} from {{ customer.city }}</p><p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></p>",
            HoldoutPercent: holdoutPercent), "test");
        var id = Assert.IsType<CreateEmailCampaign.Outcome.Created>(created).Id;
        var started = Assert.IsType<StartEmailCampaign.Outcome.Started>(await Get<StartEmailCampaign>().ExecuteAsync(id, "test"));
        return (id, started.RunId);
    }

    public void Dispose() => _services.Dispose();
}
