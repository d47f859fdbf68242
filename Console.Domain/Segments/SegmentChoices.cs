using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Segments;

/// <summary>A segment as an audience picker offers it: its name and how many customers it holds right now.</summary>
public sealed record SegmentChoice(long Id, string Name, long Size);

/// <summary>
/// The live segments for the audience pickers of coupon campaigns, experiments and email campaigns, each counted now
/// rather than at the daily job's last run, since the marketer picks by who would be reached today.
/// </summary>
public sealed class SegmentChoices(StatementRunner runner, SegmentQueries queries)
{
    /// <summary>Pickers list at most this many, newest first; older ones are still kept by an editor that holds one.</summary>
    public const int MaxChoices = 200;

    private static readonly DialectSql ListSql = new(d => $"""
        SELECT id, name, rule_json FROM segments WHERE archived_at IS NULL ORDER BY id DESC {PageFragment.For(d, "0", "200")}
        """);

    public async Task<IReadOnlyList<SegmentChoice>> ListAsync(CancellationToken ct = default)
    {
        await using var read = await runner.ReadAsync(ct);
        var rows = (await read.Connection.QueryAsync<(long Id, string Name, string RuleJson)>(new CommandDefinition(ListSql.For(read.Dialect),
            cancellationToken: ct))).ToList();
        var choices = new List<SegmentChoice>(rows.Count);
        foreach (var (id, name, json) in rows) choices.Add(new SegmentChoice(id, name, await queries.CountAsync(read, SegmentStore.Parse(json), ct)));
        return choices.OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Id).ToList();
    }
}
