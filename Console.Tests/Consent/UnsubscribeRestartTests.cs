using System.Net;
using Console.Domain.Email;
using Dapper;

namespace Console.Tests.Consent;

/// <summary>A link mailed before a restart still works after it: the key ring lives on disk, beside the store by default.</summary>
public sealed class UnsubscribeRestartTests : IDisposable
{
    private readonly TempStore _store = new(migrate: false);

    private ConsoleApp Start(string? keys = null)
    {
        var settings = new Dictionary<string, string?> { ["Database:Path"] = _store.Path };
        if (keys is not null) settings["DataProtection:KeysPath"] = keys;
        return new ConsoleApp(settings);
    }

    [Fact]
    public async Task A_token_made_before_a_restart_unsubscribes_after_it_and_another_key_ring_refuses_it()
    {
        string path;
        using (var before = Start())
        {
            using var connection = _store.Db.Open();
            _ = before.Services;
            connection.Execute("INSERT INTO customers (external_id, email_opt_in, created_at, updated_at) VALUES ('r-1', 1, '2026-01-01', '2026-01-01')");
            path = new Uri(before.Service<IUnsubscribeLinks>().UrlFor(connection.ExecuteScalar<long>("SELECT id FROM customers"), 9)).AbsolutePath;
        }
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_store.Directory, "keys"), "key-*.xml"));

        using (var elsewhere = Start(Path.Combine(_store.Directory, "other-keys")))
        {
            using var refused = await elsewhere.CreateClient().PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var after = Start();
        using var answer = await after.CreateClient().PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var check = _store.Db.Open();
        Assert.Equal(0, check.ExecuteScalar<long>("SELECT email_opt_in FROM customers"));
        Assert.Equal(9, check.ExecuteScalar<long>("SELECT email_campaign_id FROM consent_changes WHERE source = 'unsubscribe'"));
    }

    public void Dispose() => _store.Dispose();
}
