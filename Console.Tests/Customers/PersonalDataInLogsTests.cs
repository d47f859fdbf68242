using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Console.Domain.Admin;

namespace Console.Tests.Customers;

/// <summary>
/// No log line and no problem document holds an email address, a phone number or an API key. One host is driven with
/// personal data through good and bad requests and its log and refusals are read; when scripts/test.sh names the whole
/// suite's log (CC_SUITE_LOG_SCAN), every line of it is read too.
/// </summary>
public sealed partial class PersonalDataInLogsTests
{
    public const string ScanVariable = "CC_SUITE_LOG_SCAN";

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // Mainland mobile numbers, with or without +86 and separators: the only numbers the console is given. A run of digits
    // inside a Latin token (a hex id, a trace id) is not one; Chinese text around a number still counts.
    [GeneratedRegex(@"(?<![A-Za-z0-9_.\-])(\+?86[ -]?)?1[3-9]\d([ -]?\d{4}){2}(?![A-Za-z0-9_])")]
    private static partial Regex Phone();

    [GeneratedRegex("cc_[0-9a-f]{20,}")]
    private static partial Regex ApiKey();

    // A GUID's groups can read as a phone number ("a153-1175-1801" holds 153 1175 1801), so GUIDs are taken out first.
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    public static IEnumerable<string> Leaks(IEnumerable<string> lines) =>
        lines.Where(l => Email().IsMatch(l) || Phone().IsMatch(Guid().Replace(l, "")) || ApiKey().IsMatch(l));

    [Fact]
    public async Task A_host_given_personal_data_in_good_and_bad_requests_logs_none_and_refuses_without_repeating_it()
    {
        using var app = new ConsoleApp();
        using var ingest = await app.ClientWithKeyAsync();
        using var manage = await app.ClientWithKeyAsync(ApiKeyScope.Manage);
        var problems = new List<string>();
        async Task SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            using var answer = await client.SendAsync(request);
            Assert.True((int)answer.StatusCode < 500, $"{method} {path} answered {(int)answer.StatusCode}");
            if ((int)answer.StatusCode >= 400) problems.Add(await answer.Content.ReadAsStringAsync());
        }

        await SendAsync(ingest, HttpMethod.Post, "/api/v1/customers", """
            [{"externalId":"pii-1","email":"probe.one@example.com","phone":"+86 139 1234 5678","name":"Probe One"},
             {"externalId":"pii-2","email":"probe.two@@example","phone":"13812345678"},
             {"externalId":"pii-3","email":"probe.three@example.com","emailOptIn":"probe.three@example.com"},
             {"externalId":"pii-4","email":"probe.four@example.com","createdAt":"13712345678"}]
            """);
        await SendAsync(ingest, HttpMethod.Post, "/api/v1/customers", """[{"externalId":"pii-5","e_mail":"probe.five@example.com"}]""");
        await SendAsync(ingest, HttpMethod.Post, "/api/v1/customers", """[{"externalId":"pii-6","email":"probe.six@example.com","phone":13612345678}]""");
        await SendAsync(ingest, HttpMethod.Post, "/api/v1/customers", """[{"externalId":"pii-7","email":"probe.seven@example.com",""");
        await SendAsync(ingest, HttpMethod.Post, "/api/v1/events", """[{"eventId":"e1","customerExternalId":"probe.eight@example.com","type":"nope"}]""");
        await SendAsync(manage, HttpMethod.Get, "/api/v1/customers/probe.nine@example.com/export");
        await SendAsync(manage, HttpMethod.Post, "/api/v1/kols", """{"externalId":"k-pii","name":"Probe","email":"probe.ten@@example","phone":"13512345678"}""");
        using (var stranger = app.CreateClient())
        {
            stranger.DefaultRequestHeaders.Add("X-Api-Key", "cc_" + new string('a', 64));
            using var refused = await stranger.PostAsJsonAsync("/api/v1/customers", new[] { new { externalId = "pii-9", email = "probe.eleven@example.com" } });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.NotEmpty(problems);
        Assert.NotEmpty(app.Log.Lines);
        Assert.Empty(Leaks(app.Log.Lines));
        var leaked = Leaks(problems).ToList();
        Assert.True(leaked.Count == 0, string.Join("\n", leaked));
    }

    [Fact]
    public void The_whole_suites_log_holds_no_email_phone_or_api_key()
    {
        // Only the run scripts/test.sh makes after the suite names a log; a run of this class alone checks the patterns.
        var path = Environment.GetEnvironmentVariable(ScanVariable);
        Assert.NotEmpty(Leaks(["to li.lei@example.com", "tel +86 139-1234-5678", "key cc_" + new string('0', 64)]));
        Assert.Empty(Leaks(["order 2026-03-01 13:45:12.345", "id 139123456789012", "prefix cc_0123456", "user 42 signed in",
            "Key {5cc03c59-d2f0-408a-a153-11751801eb75} may be persisted to storage in unencrypted form.",
            "trace e98668f9c3e0438081139123456780bc"]));
        Assert.NotEmpty(Leaks(["电话13912345678"]));
        if (string.IsNullOrEmpty(path)) return;
        var lines = File.ReadLines(path).ToList();
        Assert.True(lines.Count > 200, $"the suite's log at {path} holds only {lines.Count} lines");
        var leaks = Leaks(lines).Take(20).ToList();
        Assert.True(leaks.Count == 0, $"the suite's log holds personal data or keys:\n{string.Join("\n", leaks)}");
    }
}
