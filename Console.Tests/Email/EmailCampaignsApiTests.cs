using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Email;
using Console.Domain.Segments;
using Console.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Email;

/// <summary>The email-campaigns API through the real pipeline, with the embedded outbox as the transport.</summary>
public sealed class EmailCampaignsApiTests : IDisposable
{
    private readonly EmailApp _app = new();

    [Fact]
    public async Task A_campaign_is_created_sent_once_and_read_back_with_counts_and_deliveries()
    {
        var ids = EmailWorld.SeedCustomers(_app.Store, 30);
        _app.Segments.Add(EmailWorld.SegmentId, ids.Ids);
        using var client = await _app.ClientAsync();

        var created = await client.PostAsJsonAsync("/api/v1/email-campaigns", new
        {
            name = "Welcome", segmentId = EmailWorld.SegmentId, subject = "Hi {{ customer.first_name }}",
            html = "<p onclick=\"x()\">Hello {{ customer.name }}</p><script>alert(1)</script><a href=\"{{ unsubscribe_url }}\">stop</a>",
            holdoutPercent = 10,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var stored = (await _app.Services.GetRequiredService<GetEmailCampaign>().FindAsync(id, CancellationToken.None))!.Campaign;
        Assert.DoesNotContain("script", stored.Html);
        Assert.DoesNotContain("onclick", stored.Html);
        Assert.Contains("href=\"{{ unsubscribe_url }}\"", stored.Html);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/v1/email-campaigns/{id}/send", null)).StatusCode);
        var again = await client.PostAsync($"/api/v1/email-campaigns/{id}/send", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("campaign_already_sent", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var runId = await _app.OpenRunAsync(id);
        await _app.Services.GetRequiredService<SendEmailRun>().ExecuteAsync(runId, CancellationToken.None);

        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/email-campaigns/{id}");
        Assert.Equal("sent", answer.GetProperty("status").GetString());
        Assert.Equal(30, answer.GetProperty("recipients").GetInt64());
        Assert.Equal(1.0, answer.GetProperty("progress").GetDouble());
        var sent = answer.GetProperty("sent").GetInt64();
        Assert.True(sent > 0);
        Assert.Equal(sent, Directory.GetFiles(_app.Outbox, "*.eml").Length);
        var skipped = answer.GetProperty("skipped");
        Assert.Equal(30, sent + answer.GetProperty("failed").GetInt64() + answer.GetProperty("holdout").GetInt64()
            + new[] { "no_consent", "unsubscribed", "frequency_cap", "no_email" }.Sum(r => skipped.GetProperty(r).GetInt64()));
        Assert.True(skipped.GetProperty("no_email").GetInt64() > 0);
        var log = await client.GetFromJsonAsync<JsonElement>($"/api/v1/email-campaigns/{id}/deliveries?state=sent&limit=5");
        Assert.Equal(sent, log.GetProperty("total").GetInt64());
        Assert.Equal(5, log.GetProperty("items").GetArrayLength());
        var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/email-campaigns/{id}/results");
        Assert.Equal(sent, results.GetProperty("recipients").GetProperty("customers").GetInt64());
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_refused_with_its_line_and_unknown_fields_are_refused()
    {
        _app.Segments.Add(EmailWorld.SegmentId, []);
        using var client = await _app.ClientAsync();

        var broken = await client.PostAsJsonAsync("/api/v1/email-campaigns", new
        {
            name = "Broken", segmentId = EmailWorld.SegmentId, subject = "ok", html = "<p>one</p>\n<p>two</p>\n<p>{% if customer.name %}three</p>",
        });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var problem = await broken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("template_syntax", problem.GetProperty("codes").GetProperty("html")[0].GetString());
        Assert.Equal(3, problem.GetProperty("lines").GetProperty("html").GetInt32());
        Assert.Contains("line 3", problem.GetProperty("errors").GetProperty("html")[0].GetString());

        var unknown = await client.PostAsJsonAsync("/api/v1/email-campaigns", new { name = "x", segmentId = 1, subject = "s", html = "h", holdout = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("holdout", out _));

        var noSegment = await client.PostAsJsonAsync("/api/v1/email-campaigns", new { name = "x", segmentId = 999, subject = "s", html = "h" });
        Assert.Equal("unknown_segment", (await noSegment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("segmentId")[0].GetString());
    }

    [Fact]
    public async Task A_test_send_writes_one_rendered_message_to_the_outbox_and_pause_needs_a_sending_campaign()
    {
        var ids = EmailWorld.SeedCustomers(_app.Store, 3);
        _app.Segments.Add(EmailWorld.SegmentId, ids.Ids);
        using var client = await _app.ClientAsync();
        var created = await client.PostAsJsonAsync("/api/v1/email-campaigns", new
        {
            name = "T", segmentId = EmailWorld.SegmentId, subject = "For {{ customer.name }}", html = "<p>{{ customer.city }}</p>",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync($"/api/v1/email-campaigns/{id}/test", new { to = "me@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/email-campaigns/{id}/test", new { to = "not an address" })).StatusCode);
        var file = Assert.Single(Directory.GetFiles(_app.Outbox, "*.eml"));
        var message = MimeKit.MimeMessage.Load(file);
        Assert.Equal("[TEST] For Customer 1", message.Subject);
        Assert.Contains("Hangzhou", message.HtmlBody);

        var pause = await client.PostAsync($"/api/v1/email-campaigns/{id}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, pause.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/email-campaigns/424242")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}

/// <summary>The console's host with a segment reader and unsubscribe links of the tests, and an outbox of its own.</summary>
public sealed class EmailApp : WebApplicationFactory<Program>
{
    public EmailApp()
    {
        Store = new TempStore();
        Outbox = Path.Combine(Store.Directory, "outbox");
    }

    public TempStore Store { get; }

    public string Outbox { get; }

    public FixedSegmentMembers Segments { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", Store.Path);
        builder.UseSetting("Demo:SeedOnEmpty", "false");
        builder.UseSetting("role", "web");
        builder.UseSetting("Jobs:SqlitePath", Path.Combine(Store.Directory, "jobs.db"));
        builder.UseSetting("Email:OutboxPath", Outbox);
        builder.UseSetting("Email:RatePerSecond", "1000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ISegmentMembers>(Segments);
            services.AddSingleton<IUnsubscribeLinks, TestUnsubscribeLinks>();
        });
    }

    public async Task<HttpClient> ClientAsync()
    {
        var client = CreateClient();
        var key = await Services.GetRequiredService<ApiKeys>().CreateAsync("email", ApiKeyScope.Manage, "test");
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        return client;
    }

    public async Task<long> OpenRunAsync(long campaignId)
    {
        await using var connection = await Store.Db.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM email_runs WHERE campaign_id = @campaignId", new { campaignId });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Store.Dispose();
    }
}
