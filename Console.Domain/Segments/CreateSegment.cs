using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>Saves a new segment after its rule passed every check, writes the audit line with it, and answers its size now.</summary>
public sealed class CreateSegment(StatementRunner runner, SegmentChecks checks, SegmentQueries queries, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Created(long Id, long Size) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    private static readonly DialectSql InsertSql = new(d => $"""
        INSERT INTO segments (name, rule_json, created_at, updated_at)
        {DialectSql.OutputId(d)}
        VALUES (@name, @rule, @now, @now)
        """);

    public async Task<Outcome> ExecuteAsync(SegmentInput input, string actor, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var name = checks.Name(input.Name, errors);
        var rule = checks.Rule(input.Rule, errors);
        if (name is null || rule is null) return new Outcome.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            await RuleReferences.CheckAsync(s.Connection, s.Transaction, s.Dialect, rule, errors, token);
            if (!errors.Valid) return new Outcome.Invalid(errors);
            var id = await s.InsertAsync(InsertSql.For(s.Dialect), token, ("name", name), ("rule", rule.Json), ("now", now));
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "segment.create", "segment", id.ToString(), null,
                new { name, rule = rule.Json }, now);
            return new Outcome.Created(id, 0);
        }, o => o is Outcome.Created, _ => null, UndoFree: true), ct);
        if (outcome is not Outcome.Created created) return outcome;
        // Counted after the commit on a reader, so a large segment never holds the single writer.
        await using var read = await runner.ReadAsync(ct);
        return created with { Size = await queries.CountAsync(read, rule, ct) };
    }
}
