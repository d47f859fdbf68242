using Bunit;
using Console.Domain.Consent;
using Console.Web.Components.Pages.Consent;
using Dapper;

namespace Console.Tests.Consent;

/// <summary>The profile's consent history: newest first, each change named by its source, an unsubscribe with its campaign.</summary>
public sealed class ConsentHistoryViewTests : UiContext
{
    [Fact]
    public async Task Changes_are_listed_newest_first_with_their_source_and_campaign()
    {
        using (var connection = Store.Db.Open())
        {
            connection.Execute("INSERT INTO customers (id, external_id, email_opt_in, created_at, updated_at) VALUES (1, 'v-1', 0, '2026-01-01', '2026-01-01')");
            connection.Execute("INSERT INTO customers (id, external_id, email_opt_in, created_at, updated_at) VALUES (2, 'v-2', 0, '2026-01-01', '2026-01-01')");
        }
        var runner = Services.GetService<Console.Domain.Data.StatementRunner>()!;
        await runner.WriteAsync(new Console.Domain.Data.WriteUnit<object>(async (s, t) =>
        {
            await ConsentChanges.RecordAsync(s, 1, true, ConsentSources.Import, null, new DateTime(2026, 1, 2, 1, 0, 0, DateTimeKind.Utc), t);
            await ConsentChanges.RecordAsync(s, 1, false, ConsentSources.Unsubscribe, 42, new DateTime(2026, 2, 3, 1, 0, 0, DateTimeKind.Utc), t);
            return s;
        }, _ => true, _ => null, UndoFree: false), CancellationToken.None);

        var view = Render<CustomerConsentHistory>(p => p.Add(c => c.CustomerId, 1));
        view.WaitForAssertion(() => Assert.Equal(2, view.FindAll("[data-testid=consent-history] tr").Count));
        var rows = view.FindAll("[data-testid=consent-history] tr").Select(r => r.TextContent).ToList();
        Assert.Contains("2026-02-03 09:00:00", rows[0]);
        Assert.Contains("Opted out", rows[0]);
        Assert.Contains("Unsubscribe link · email campaign 42", rows[0]);
        Assert.Contains("Opted in", rows[1]);
        Assert.Contains("CSV import", rows[1]);

        var empty = Render<CustomerConsentHistory>(p => p.Add(c => c.CustomerId, 2));
        empty.WaitForAssertion(() => Assert.NotNull(empty.Find("[data-testid=consent-history-empty]")));
    }
}
