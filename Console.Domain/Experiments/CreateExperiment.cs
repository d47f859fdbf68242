using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Experiments;

/// <summary>Creates an experiment with its variants (weights adding up to 100) and writes it to the audit log in the same unit.</summary>
public sealed class CreateExperiment(StatementRunner runner, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Created(long Id) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    private static readonly DialectSql InsertSql = new(d =>
        $"""
        INSERT INTO experiments (experiment_key, name, hypothesis, coverage, audience, metric_kind, metric_event_type, guardrails,
            starts_at, ends_at, status, started_at, created_at, updated_at)
        {DialectSql.OutputId(d)}
        VALUES (@key, @name, @hypothesis, @coverage, @audience, @metricKind, @eventType, @guardrails,
            @startsAt, @endsAt, @status, @startedAt, @now, @now)
        """);

    public Task<Outcome> ExecuteAsync(ExperimentInput input, string actor, CancellationToken ct = default) =>
        runner.WriteAsync(new WriteUnit<Outcome>((run, token) => CreateAsync(run, input, actor, token),
            outcome => outcome is Outcome.Created, _ => null, UndoFree: false), ct);

    private async Task<Outcome> CreateAsync(Statements run, ExperimentInput input, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = new OrderFields();
        var spec = await ExperimentRules.CheckAsync(run.Connection, run.Transaction, input, fields, ct);
        if (spec is not null && await run.ScalarAsync<long>(
                """
                SELECT COUNT(*) FROM experiments WHERE experiment_key = @key
                """, ct, ("key", spec.Key)) > 0)
            fields.Add("key", FieldCodes.KeyTaken, spec.Key);
        if (spec is null || !fields.Valid) return new Outcome.Invalid(fields.Errors);

        var id = await run.InsertAsync(InsertSql.For(run.Dialect), ct, ("key", spec.Key), ("name", spec.Name), ("hypothesis", spec.Hypothesis),
            ("coverage", spec.Coverage), ("audience", spec.Audience), ("metricKind", spec.MetricKind), ("eventType", spec.EventType),
            ("guardrails", spec.Guardrails), ("startsAt", spec.StartsAt), ("endsAt", spec.EndsAt), ("status", spec.Status),
            ("startedAt", spec.Status == ExperimentStatus.Running ? now : null), ("now", now));
        await ExperimentStore.WriteLinksAsync(run, id, spec, variants: true, ct);
        await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "experiment.create", "experiment", spec.Key, null, spec, now);
        return new Outcome.Created(id);
    }
}
