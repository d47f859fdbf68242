using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Console.Bench.Support;
using Console.Domain.Data;
using Console.Domain.Email;
using Console.Domain.Segments;
using Console.Tests.Support;
using Console.Web.Hosting;
using Dapper;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Bench;

/// <summary>
/// Messages per second from a campaign to a real SMTP server on loopback (the SmtpServer package, in this process):
/// a segment of 10,000 opted-in customers is frozen into a run and sent by the sender the email jobs run (claims,
/// settles, the shared rate table, a pool of reused MailKit connections), against a bare MailKit loop that sends the
/// same rendered messages over one reused connection, in the same run and alternating which goes first. Each side's
/// server must end with exactly one message per recipient. Goal: at least 0.8 of the bare loop and 1,000 messages/s.
/// usage: email [--recipients N] [--rounds R] [--connections C]
/// </summary>
internal static class EmailBench
{
    // Far above what loopback reaches, so that the shared rate table is consulted but never the limit.
    private const int Rate = 1_000_000;

    public static async Task RunAsync(string[] args)
    {
        var recipients = Option(args, "--recipients", 10_000);
        var rounds = Math.Max(1, Option(args, "--rounds", 5));
        var connections = Option(args, "--connections", 4);
        var folder = Path.Combine(Path.GetTempPath(), "cc-bench-email-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await using var smtp = await LoopbackSmtp.StartAsync(keepHeaders: false);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = Path.Combine(folder, "console.db"),
            ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "none",
            ["Email:Smtp:Connections"] = connections.ToString(CultureInfo.InvariantCulture),
            ["Email:RatePerSecond"] = Rate.ToString(CultureInfo.InvariantCulture),
            // Every round mails the same customers again; the weekly cap would otherwise skip them from the third on.
            ["Email:FrequencyCapPerWeek"] = "1000",
        });
        builder.AddDomainServices();
        await using var app = builder.Build();
        var services = app.Services;
        services.GetRequiredService<Migrator>().Migrate();
        var db = services.GetRequiredService<Db>();
        await SeedAsync(db, recipients);
        var segment = await services.GetRequiredService<CreateSegment>().ExecuteAsync(new SegmentInput("Bench: opted in",
            JsonSerializer.Deserialize<JsonElement>("""{"all":[{"field":"email_opt_in","op":"is","value":true}]}""")), "bench");
        var segmentId = Assert<CreateSegment.Outcome.Created>(segment).Id;

        // One small warm-up of each side, so that neither pays the JIT.
        var warmCampaign = await SendCampaignAsync(services, segmentId, smtp, "warm-up");
        var warmLoop = await BareLoopAsync(services, smtp, "warm-up");
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: campaign {warmCampaign.PerSecond:N0} msgs/s ({warmCampaign.CpuMs:F2} CPU ms/msg), bare loop {warmLoop.PerSecond:N0} msgs/s ({warmLoop.CpuMs:F2} CPU ms/msg)"));

        List<double> pipeline = [], bare = [], ratios = [], freezes = [], rendering = [], renderRatios = [];
        for (var round = 1; round <= rounds; round++)
        {
            Side real, loop, renderLoop;
            if (round % 2 == 1)
            {
                real = await SendCampaignAsync(services, segmentId, smtp, $"round {round}");
                loop = await BareLoopAsync(services, smtp, $"round {round}");
                renderLoop = await BareLoopAsync(services, smtp, $"round {round} rendering", renderInLoop: true);
            }
            else
            {
                renderLoop = await BareLoopAsync(services, smtp, $"round {round} rendering", renderInLoop: true);
                loop = await BareLoopAsync(services, smtp, $"round {round}");
                real = await SendCampaignAsync(services, segmentId, smtp, $"round {round}");
            }
            rendering.Add(renderLoop.PerSecond);
            renderRatios.Add(real.PerSecond / renderLoop.PerSecond);
            pipeline.Add(real.PerSecond);
            bare.Add(loop.PerSecond);
            ratios.Add(real.PerSecond / loop.PerSecond);
            freezes.Add(real.FreezeMs);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: campaign {real.PerSecond:N0} msgs/s ({real.Messages:N0} in {real.Seconds:F2} s, frozen in {real.FreezeMs:N0} ms, " +
                $"{real.CpuMs:F2} CPU ms/msg); bare loop {loop.PerSecond:N0} msgs/s ({loop.Seconds:F2} s, {loop.CpuMs:F2} CPU ms/msg, rendered beforehand at {RenderMs:F2} ms/msg); ratio {real.PerSecond / loop.PerSecond:0.00}; " +
                $"bare loop rendering as it sends {renderLoop.PerSecond:N0} msgs/s ({renderLoop.CpuMs:F2} CPU ms/msg), ratio {real.PerSecond / renderLoop.PerSecond:0.00}; load {LoadAverage()}"));
        }
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"email (medians of {rounds} rounds, {recipients:N0} recipients, {connections} connections, Email:RatePerSecond {Rate:N0}): " +
            $"campaign {Stats.Median(pipeline):N0} msgs/s, bare MailKit loop {Stats.Median(bare):N0} msgs/s, ratio {Stats.Median(ratios):0.00} " +
            $"(per round {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; goal >= 0.80 and >= 1,000 msgs/s); " +
            $"freeze {Stats.Median(freezes):N0} ms; load {LoadAverage()} on {Environment.ProcessorCount} cores"));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  against a bare loop that renders each message as it sends it: {Stats.Median(rendering):N0} msgs/s, ratio {Stats.Median(renderRatios):0.00} " +
            $"(per round {string.Join(", ", renderRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})"));
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Rendering one message (templates and MIME), which the bare loop does before its clock starts.</summary>
    private static double RenderMs;

    private sealed record Side(int Messages, double Seconds, double FreezeMs, double CpuMs = 0)
    {
        public double PerSecond => Messages / Seconds;
    }

    /// <summary>A campaign created, frozen (not timed as sending) and sent by the run sender, as the send job does.</summary>
    private static async Task<Side> SendCampaignAsync(IServiceProvider services, long segmentId, LoopbackSmtp smtp, string tag)
    {
        var created = await services.GetRequiredService<CreateEmailCampaign>().ExecuteAsync(new EmailCampaignInput($"Bench {tag}", segmentId,
            "Hello {{ customer.first_name }}", Html, Text), "bench");
        var id = Assert<CreateEmailCampaign.Outcome.Created>(created).Id;
        var freeze = Stopwatch.StartNew();
        var started = Assert<StartEmailCampaign.Outcome.Started>(await services.GetRequiredService<StartEmailCampaign>().ExecuteAsync(id, "bench"));
        var freezeMs = freeze.Elapsed.TotalMilliseconds;
        smtp.Mailbox.Clear();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var outcome = await services.GetRequiredService<SendEmailRun>().ExecuteAsync(started.RunId, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, outcome.Sent);
        if (outcome.Status != SendEmailRun.Statuses.Finished || outcome.Sent != started.Recipients || outcome.Failed != 0)
            throw new InvalidOperationException($"{tag}: {outcome} for {started.Recipients} recipients");
        ExactlyOnce(smtp, started.Recipients, tag);
        return new Side(outcome.Sent, seconds, freezeMs, cpuMs);
    }

    /// <summary>The same messages rendered beforehand, then sent one after another over one connection kept open.</summary>
    private static async Task<Side> BareLoopAsync(IServiceProvider services, LoopbackSmtp smtp, string tag, bool renderInLoop = false)
    {
        var options = services.GetRequiredService<EmailOptions>();
        var compiled = new CompiledCampaign(0, EmailTemplate.Parse("Hello {{ customer.first_name }}"), EmailTemplate.Parse(Html), EmailTemplate.Parse(Text),
            options.FromName, options.FromAddress, options.MessageIdDomain);
        List<(long Id, long CustomerId, string Email, string ExternalId, string Name)> rows;
        await using (var connection = await services.GetRequiredService<Db>().OpenAsync())
            rows = (await connection.QueryAsync<(long, long, string, string, string)>(
                "SELECT id, id, email, external_id, name FROM customers WHERE email_opt_in = 1 ORDER BY id")).ToList();
        MimeKit.MimeMessage Render((long Id, long CustomerId, string Email, string ExternalId, string Name) r) => CampaignMessage.Build(compiled, r.Id,
            r.Email, new TemplateModel(r.CustomerId, r.ExternalId, r.Name, r.Email, "Hangzhou", [], null, $"https://console.example/u/{r.Id}"));
        var renderWatch = Stopwatch.StartNew();
        var messages = renderInLoop ? [] : rows.Select(Render).ToList();
        if (!renderInLoop) RenderMs = renderWatch.Elapsed.TotalMilliseconds / messages.Count;
        smtp.Mailbox.Clear();
        using var client = new SmtpClient();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        // The same Nagle-free socket the sender opens, so that the loop is the best one connection can do.
        await client.ConnectAsync(await SmtpTransport.OpenSocketAsync("127.0.0.1", smtp.Port, CancellationToken.None), "127.0.0.1", smtp.Port,
            SecureSocketOptions.None);
        if (renderInLoop) foreach (var row in rows) await client.SendAsync(Render(row));
        else foreach (var message in messages) await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / rows.Count;
        ExactlyOnce(smtp, rows.Count, tag + " (bare)");
        return new Side(rows.Count, seconds, 0, cpuMs);
    }

    private static void ExactlyOnce(LoopbackSmtp smtp, int expected, string tag)
    {
        var counts = smtp.CountByAddress();
        if (counts.Count != expected || counts.Values.Any(n => n != 1))
            throw new InvalidOperationException($"{tag}: {counts.Count} addresses received mail ({counts.Values.Count(n => n > 1)} more than once), expected {expected} once each");
    }

    private const string Html =
        """
        <p>Hi {{ customer.name }} from {{ customer.city }},</p>
        <p>Our spring courses start next week: live lessons every evening, recordings the day after, and a study group for each class.</p>
        <p><a href="https://shop.example.com/spring">See the courses</a></p>
        <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
        """;

    private const string Text =
        """
        Hi {{ customer.name }} from {{ customer.city }},
        Our spring courses start next week: live lessons every evening, recordings the day after, and a study group for each class.
        See the courses: https://shop.example.com/spring
        Unsubscribe: {{ unsubscribe_url }}
        """;

    private static async Task SeedAsync(Db db, int n)
    {
        await using var connection = await db.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow;
        await connection.ExecuteAsync(
            """
            INSERT INTO customers (external_id, email, name, city, email_opt_in, created_at, updated_at)
            VALUES (@ext, @email, @name, 'Hangzhou', 1, @now, @now)
            """, Enumerable.Range(1, n).Select(i => new { ext = $"b{i}", email = $"b{i}@example.com", name = $"Reader {i}", now }), tx);
        await tx.CommitAsync();
    }

    private static T Assert<T>(object outcome) where T : class =>
        outcome as T ?? throw new InvalidOperationException($"expected {typeof(T).Name}, got {outcome}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
