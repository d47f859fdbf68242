using Console.Domain.Data;

namespace Console.Domain.Segments;

/// <summary>The size and a sample of a saved segment, or of a rule still being edited (the builder's live count).</summary>
public sealed class PreviewSegment(StatementRunner runner, SegmentChecks checks, SegmentQueries queries)
{
    public abstract record Outcome
    {
        public sealed record Previewed(SegmentPreview Preview) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> SavedAsync(long id, int n, CancellationToken ct = default)
    {
        if (n is < 0 or > SegmentQueries.MaxSample) return Invalid("n", n);
        await using var read = await runner.ReadAsync(ct);
        if (await SegmentStore.RuleAsync(read.Connection, null, id, ct) is not { } rule) return new Outcome.NotFound();
        return new Outcome.Previewed(await queries.PreviewAsync(read, rule, n, ct));
    }

    public async Task<Outcome> RuleAsync(System.Text.Json.JsonElement? ruleJson, int n, CancellationToken ct = default)
    {
        if (n is < 0 or > SegmentQueries.MaxSample) return Invalid("n", n);
        var errors = new FieldErrors();
        var rule = checks.Rule(ruleJson, errors);
        if (rule is null) return new Outcome.Invalid(errors);
        return await CheckedAsync(rule, n, ct);
    }

    /// <summary>A rule already read (the builder holds one): its store checks, then its size and sample.</summary>
    public async Task<Outcome> CheckedAsync(SegmentRule rule, int n, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        await using var read = await runner.ReadAsync(ct);
        await RuleReferences.CheckAsync(read.Connection, null, read.Dialect, rule, errors, ct);
        if (!errors.Valid) return new Outcome.Invalid(errors);
        return new Outcome.Previewed(await queries.PreviewAsync(read, rule, n, ct));
    }

    private static Outcome.Invalid Invalid(string field, int n)
    {
        var errors = new FieldErrors();
        errors.Add(field, FieldCodes.Between, 0, SegmentQueries.MaxSample);
        return new Outcome.Invalid(errors);
    }
}
