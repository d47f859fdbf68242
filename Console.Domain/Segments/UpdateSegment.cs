using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>Renames a segment or replaces its rule; a field left out stays as it is. Audiences that use it follow the new rule.</summary>
public sealed class UpdateSegment(StatementRunner runner, SegmentChecks checks, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Updated(Segment Segment) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long id, SegmentInput patch, string actor, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var name = patch.Name is null ? null : checks.Name(patch.Name, errors);
        var rule = patch.Rule is null ? null : checks.Rule(patch.Rule, errors);
        if (!errors.Valid) return new Outcome.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var before = await SegmentStore.LoadAsync(s.Connection, s.Transaction, id, token);
            if (before is null) return new Outcome.NotFound();
            if (rule is not null) await RuleReferences.CheckAsync(s.Connection, s.Transaction, s.Dialect, rule, errors, token);
            if (!errors.Valid) return new Outcome.Invalid(errors);
            await s.ExecuteAsync(
                """
                UPDATE segments SET name = @name, rule_json = @rule, updated_at = @now WHERE id = @id
                """, token, ("name", name ?? before.Name), ("rule", rule?.Json ?? before.RuleJson), ("now", now), ("id", id));
            var after = await SegmentStore.LoadAsync(s.Connection, s.Transaction, id, token)
                ?? throw new InvalidOperationException($"Segment {id} vanished inside its own update.");
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "segment.update", "segment", id.ToString(), before, after, now);
            return new Outcome.Updated(after);
        }, o => o is Outcome.Updated, _ => null, UndoFree: true), ct);
    }
}
