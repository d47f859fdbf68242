using System.Net;
using System.Net.Http.Json;
using Console.Domain.Admin;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Admin;

/// <summary>Items the ingestion API refuses are counted per day and code in the request that answers them, for the Admin start page.</summary>
public sealed class RejectedTodayTests
{
    [Fact]
    public async Task Refused_batch_items_are_counted_by_code_with_one_row_per_code_not_per_item()
    {
        using var app = new ConsoleApp();
        var client = await app.ClientWithKeyAsync();

        var customers = await client.PostAsJsonAsync("/api/v1/customers", new object[]
        {
            new { externalId = "c-1", name = "Ann" },
            new { externalId = "c-2", name = "Bob", nickname = "bobby" },
            new { externalId = "c-3", name = "Cai", nickname = "cc" },
        });
        Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
        var events = await client.PostAsJsonAsync("/api/v1/events", new object[]
        {
            new { eventId = "e-1", customerExternalId = "c-1", type = "teleport", occurredAt = "2026-03-01T10:00:00Z" },
            new { eventId = "e-2", customerExternalId = "c-1", type = "watch", occurredAt = "2026-03-01T10:00:00Z", courseExternalId = "nope" },
            new { eventId = "e-3", customerExternalId = "c-1", type = "watch", occurredAt = "2026-03-01T10:00:00Z" },
        });
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        var answered = await events.Content.ReadFromJsonAsync<Answer>();
        Assert.Equal(2, answered!.Rejected.Count);

        var health = await app.Service<SystemHealth>().ReadAsync();

        Assert.Equal([("unknown_field", 2L), ("unknown_course", 1L), ("unknown_type", 1L)],
            health.RejectedToday.Select(r => (r.Code, r.Items)).ToArray());
        await using var connection = await app.Store.Db.OpenAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM rejected_items"));
    }

    [Fact]
    public async Task A_second_batch_adds_to_the_same_days_count()
    {
        using var app = new ConsoleApp();
        var client = await app.ClientWithKeyAsync();
        for (var i = 0; i < 2; i++)
            await client.PostAsJsonAsync("/api/v1/courses", new object[] { new { externalId = "k-1", title = "T", listPrice = -1 } });

        var health = await app.Service<SystemHealth>().ReadAsync();

        var only = Assert.Single(health.RejectedToday);
        Assert.Equal(2, only.Items);
        Assert.StartsWith("invalid_", only.Code);
    }

    private sealed record Answer(int Accepted, List<Rejected> Rejected);

    private sealed record Rejected(int Index, string Error);
}
