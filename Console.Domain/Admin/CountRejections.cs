using Console.Domain.Data;

namespace Console.Domain.Admin;

/// <summary>
/// Adds a batch's refused items to today's count per refusal code, in the request that answers them: one upsert per
/// code, never a row per item, so a batch of 5,000 bad items costs as much as one.
/// </summary>
public sealed class CountRejections(StatementRunner runner, TimeProvider clock, BusinessTime time)
{
    /// <summary>The counts a batch added, one per code.</summary>
    public sealed record Added(IReadOnlyList<(string Code, int Items)> Codes);

    public async Task AddAsync(IReadOnlyList<Rejection> rejected, CancellationToken ct = default)
    {
        if (rejected.Count == 0) return;
        var day = time.DayOf(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var codes = rejected.GroupBy(r => r.Error, StringComparer.Ordinal).Select(g => (Code: Cut(g.Key), Items: g.Count())).ToList();
        // A race on a new (day, code) row ends in a unique violation, which the runner answers by running the unit again.
        await runner.WriteAsync(new WriteUnit<Added>(
            async (statements, token) =>
            {
                foreach (var (code, items) in codes)
                    if (await statements.ExecuteAsync(Update, token, ("items", items), ("day", day), ("code", code)) == 0)
                        await statements.ExecuteAsync(Insert, token, ("day", day), ("code", code), ("items", items));
                return new Added(codes);
            },
            _ => true, _ => null, UndoFree: true), ct);
    }

    // Codes are the API's own, but the column has a width; a longer one is cut rather than refused.
    private static string Cut(string code) => code.Length > 64 ? code[..64] : code;

    private const string Update = """
        UPDATE rejected_items SET items = items + @items WHERE day = @day AND code = @code
        """;

    private const string Insert = """
        INSERT INTO rejected_items (day, code, items) VALUES (@day, @code, @items)
        """;
}
