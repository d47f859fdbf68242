using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>
/// The clickId an event carries (API.md "Ingestion"): an unknown one rejects the item (unknown_click); a known one ties
/// the click to the event's customer once the batch is stored, which is how a later order of that customer finds it.
/// </summary>
public sealed class EventClicks(Db db, WriteGate gate)
{
    public const string UnknownClick = PartnerRefusals.UnknownClick;

    public sealed record Tie(int Index, string ClickId, string CustomerExternalId, DateTime OccurredAt);

    /// <summary>The ones among <paramref name="clickIds"/> that a tracked link handed out.</summary>
    public async Task<HashSet<string>> KnownAsync(IReadOnlyCollection<string> clickIds, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var found = await c.QueryAsync<string>(new CommandDefinition(KnownSql.For(db.Dialect),
            new { ids = JsonSerializer.Serialize(clickIds) }, cancellationToken: ct));
        return found.ToHashSet(StringComparer.Ordinal);
    }

    public async Task TieAsync(IReadOnlyList<Tie> ties, CancellationToken ct)
    {
        if (ties.Count == 0) return;
        await using var c = await db.OpenAsync(ct);
        using var lease = await gate.EnterAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kol_click_customers (click_id, customer_id, seen_at)
            SELECT cl.id, cu.id, @OccurredAt FROM kol_clicks cl, customers cu
            WHERE cl.click_id = @ClickId AND cu.external_id = @CustomerExternalId
              AND NOT EXISTS (SELECT 1 FROM kol_click_customers x WHERE x.customer_id = cu.id AND x.click_id = cl.id)
            """, ties, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private static readonly DialectSql KnownSql = new(d =>
        $"SELECT click_id FROM kol_clicks WHERE click_id IN (SELECT value FROM {DialectSql.JsonValues(d)})");
}
