using System.Net.Http.Json;
using Console.Domain.Consent;
using Console.Web.Cli;
using Dapper;

namespace Console.Tests.Consent;

/// <summary>A history row for every real change of email consent from the API and from a CSV import, and none otherwise.</summary>
public sealed class ConsentHistoryTests : IDisposable
{
    private readonly ConsoleApp _app = new();

    private sealed record Row(long OptIn, string Source, long? EmailCampaignId);

    private List<Row> History(string externalId)
    {
        using var connection = _app.Store.Db.Open();
        return connection.Query<Row>(
            """
            SELECT h.opt_in AS OptIn, h.source AS Source, h.email_campaign_id AS EmailCampaignId
            FROM consent_changes h JOIN customers c ON c.id = h.customer_id WHERE c.external_id = @externalId ORDER BY h.id
            """, new { externalId }).ToList();
    }

    private long OptIn(string externalId)
    {
        using var connection = _app.Store.Db.Open();
        return connection.ExecuteScalar<long>("SELECT email_opt_in FROM customers WHERE external_id = @externalId", new { externalId });
    }

    [Fact]
    public async Task The_api_records_a_change_only_when_the_stored_value_changes()
    {
        using var api = await _app.ClientWithKeyAsync();
        async Task Push(params object[] items) => (await api.PostAsJsonAsync("/api/v1/customers", items)).EnsureSuccessStatusCode();

        await Push(new { externalId = "c-in", emailOptIn = true }, new { externalId = "c-out", emailOptIn = false }, new { externalId = "c-none" });
        Assert.Equal(new[] { new Row(1, "api", null) }, History("c-in"));
        Assert.Empty(History("c-out"));   // a new customer is out until asked, so "false" changes nothing
        Assert.Empty(History("c-none"));

        await Push(new { externalId = "c-in", emailOptIn = true, name = "Li Lei" }, new { externalId = "c-out", name = "Han Meimei" });
        Assert.Single(History("c-in"));
        Assert.Empty(History("c-out"));

        await Push(new { externalId = "c-in", emailOptIn = false }, new { externalId = "c-out", emailOptIn = true },
            new { externalId = "c-out", emailOptIn = false });
        Assert.Equal(new[] { new Row(1, "api", null), new Row(0, "api", null) }, History("c-in"));
        Assert.Equal(new[] { new Row(1, "api", null), new Row(0, "api", null) }, History("c-out"));
        Assert.Equal(0, OptIn("c-in"));

        // A stub made by an event, then opted in by an upsert, is a change too.
        await _app.Service<Console.Domain.Events.IngestEvents>().IngestAsync(
            [new("e-stub", "c-stub", "page_view", DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"))]);
        await Push(new { externalId = "c-stub", emailOptIn = true });
        Assert.Equal(new[] { new Row(1, "api", null) }, History("c-stub"));

        var changes = _app.Service<ConsentChanges>();
        using var connection = _app.Store.Db.Open();
        var id = connection.ExecuteScalar<long>("SELECT id FROM customers WHERE external_id = 'c-in'");
        var read = await changes.ForCustomerAsync(id);
        Assert.Equal(new[] { false, true }, read.Select(c => c.OptIn));
        Assert.All(read, c => Assert.Equal(ConsentSources.Api, c.Source));
        Assert.True(read[0].ChangedAt >= read[1].ChangedAt && read[0].ChangedAt.Kind == DateTimeKind.Utc);
    }

    [Fact]
    public async Task A_csv_import_records_its_changes_as_import()
    {
        async Task Import(string csv)
        {
            var path = Path.Combine(_app.Store.Directory, $"customers-{Guid.NewGuid():N}.csv");
            await File.WriteAllTextAsync(path, csv);
            var code = await CliVerbs.RunAsync(["import", "customers", path, $"--Database:Path={_app.Store.Path}"], new StringWriter(), new StringWriter());
            Assert.Equal(0, code);
        }
        _ = _app.Services; // starts the host, which migrates the store
        await Import("externalId,email,emailOptIn\nu-1,li@example.com,true\nu-2,han@example.com,false\n");
        await Import("externalId,email,emailOptIn\nu-1,li@example.com,true\nu-2,han@example.com,\n");
        Assert.Equal(new[] { new Row(1, "import", null) }, History("u-1"));
        Assert.Empty(History("u-2"));

        await Import("externalId,emailOptIn\nu-1,false\nu-2,true\n");
        Assert.Equal(new[] { new Row(1, "import", null), new Row(0, "import", null) }, History("u-1"));
        Assert.Equal(new[] { new Row(1, "import", null) }, History("u-2"));
    }

    public void Dispose() => _app.Dispose();
}
