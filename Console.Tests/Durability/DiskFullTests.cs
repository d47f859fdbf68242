using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Xunit.Abstractions;

namespace Console.Tests.Durability;

/// <summary>
/// A console whose disk fills up: writes answer 503 storage_full with one clear log line each, nothing of them is
/// stored, reads go on, and writes are taken again as soon as space returns, with no restart.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private const string Course = "disk-course";

    [SmallDiskFact]
    public async Task With_the_disk_full_writes_answer_503_nothing_is_half_written_and_writes_resume_when_space_returns()
    {
        using var disk = SmallDisk.Mount(megabytes: 24);
        await using var console = new ChildConsole(disk.Path);
        await using (var c = await console.Db.OpenAsync())
            await c.ExecuteAsync("""
                INSERT INTO courses (external_id, title, list_price, created_at, updated_at) VALUES (@Course, 'Ink', 19900, @now, @now)
                """, new { Course, now = DateTime.UtcNow });
        var server = await console.StartAsync();
        using var client = await console.ClientAsync(server);
        // Two small batches while there is room; then batches of 2,000 events, each far more than a page of slack could hold.
        var small = new EventFeed("df-small", 500, 250);
        await small.ResendAsync(client, [0, 1]);
        var large = new EventFeed("df-large", 6_000, 2_000);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/orders", Order("df-o-1"))).StatusCode);

        var filled = disk.Fill();
        var refused = new List<(HttpStatusCode Status, string? Code, string? Retry)>();
        foreach (var body in new object[] { "events:0", "events:1", Order("df-o-2"), "events:2" })
            refused.Add(await SendAsync(client, large, body));
        var ready = await client.GetAsync("/health/ready");
        var (events, orders) = Counts(console);
        var storageLines = console.Log.Count(l => l.Contains("Storage full:", StringComparison.Ordinal));
        var failLines = console.Log.Where(l => l.Contains("fail:", StringComparison.Ordinal)).ToList();
        output.WriteLine($"filled {filled / 1024} KiB; answers while full: {string.Join(", ", refused.Select(r => $"{(int)r.Status} {r.Code}"))}; " +
            $"stored {events} events and {orders} orders; {storageLines} 'Storage full' log lines, {failLines.Count} error lines.");
        Assert.All(refused, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, "storage_full", "60"), r));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal((500L, 1L), (events, orders));
        Assert.Equal(refused.Count, storageLines);
        Assert.All(failLines, l => Assert.Contains("Console.Web.Api.StorageFull", l));
        Assert.Equal(refused.Count, failLines.Count);

        disk.Free();
        var resent = await large.ResendAsync(client, [0, 1, 2]);
        var order = await client.PostAsJsonAsync("/api/v1/orders", Order("df-o-2"));
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        Assert.All(resent, r => Assert.Equal((2_000, 0), (r.Accepted, r.Duplicates)));
        Assert.Equal((6_500L, 2L), Counts(console));
        await using var check = await console.Db.OpenAsync();
        Assert.Equal("ok", await check.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
    }

    private static object Order(string orderId) => new { orderId, customerExternalId = "df-buyer", courseExternalId = Course };

    /// <summary>Sends an order, or "events:N" for batch N of the feed, and answers the status, problem code and Retry-After.</summary>
    private static async Task<(HttpStatusCode, string?, string?)> SendAsync(HttpClient client, EventFeed feed, object body)
    {
        using var response = body is string s && s.StartsWith("events:", StringComparison.Ordinal)
            ? await client.PostAsJsonAsync("/api/v1/events", feed.Body(int.Parse(s[7..])))
            : await client.PostAsJsonAsync("/api/v1/orders", body);
        var text = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c)) code = c.GetString();
        return (response.StatusCode, code, response.Headers.RetryAfter?.ToString());
    }

    private static (long Events, long Orders) Counts(ChildConsole console)
    {
        using var connection = console.Db.Open();
        return (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM events"), connection.ExecuteScalar<long>("SELECT COUNT(*) FROM orders"));
    }
}
