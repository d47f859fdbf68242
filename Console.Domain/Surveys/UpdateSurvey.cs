using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>
/// Saves a survey from the builder. Questions may change only while it is a draft: once it has been open, stored answers
/// are keyed by its questions, so later saves change only its name, trigger and status.
/// </summary>
public sealed class UpdateSurvey(StatementRunner runner, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Updated(long Id) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long id, SurveyInput input, string actor, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var spec = SurveyRules.Check(input, errors);
        if (spec is null) return new Outcome.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var before = await SurveyStore.LoadAsync(s.Connection, s.Transaction, id, token);
            if (before is null) return new Outcome.NotFound();
            var courseIds = await SurveyStore.CourseIdsAsync(s.Connection, s.Transaction!, spec.CourseExternalIds, errors, token);
            if (!errors.Valid) return new Outcome.Invalid(errors);
            var questions = before.Status == SurveyStatus.Draft ? spec.Questions : before.Questions;
            await s.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE surveys SET name = @Name, status = @Status, trigger_kind = @TriggerKind, delay_minutes = @DelayMinutes,
                    updated_at = @now
                WHERE id = @id
                """, new { spec.Name, spec.Status, spec.TriggerKind, spec.DelayMinutes, now, id }, s.Transaction, cancellationToken: token));
            await SurveyStore.WriteDefinitionAsync(s.Connection, s.Transaction!, id, questions, courseIds, token);
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "survey.update", "survey", id.ToString(), before,
                spec with { Questions = questions }, now);
            return new Outcome.Updated(id);
        }, outcome => outcome is Outcome.Updated, _ => null, UndoFree: true), ct);
    }
}
