using Console.Domain.Admin;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>Creates a survey with its questions and trigger, and writes it to the audit log in the same unit of writes.</summary>
public sealed class CreateSurvey(StatementRunner runner, TimeProvider clock)
{
    public abstract record Outcome
    {
        public sealed record Created(long Id) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(SurveyInput input, string actor, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var spec = SurveyRules.Check(input, errors);
        if (spec is null) return new Outcome.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var courseIds = await SurveyStore.CourseIdsAsync(s.Connection, s.Transaction!, spec.CourseExternalIds, errors, token);
            if (!errors.Valid) return new Outcome.Invalid(errors);
            var id = await s.InsertAsync(SurveyStore.InsertSurvey.For(s.Dialect), token, ("name", spec.Name), ("status", spec.Status),
                ("trigger", spec.TriggerKind), ("delay", spec.DelayMinutes), ("now", now));
            await SurveyStore.WriteDefinitionAsync(s.Connection, s.Transaction!, id, spec.Questions, courseIds, token);
            await Audit.WriteAsync(s.Connection, s.Transaction!, actor, "survey.create", "survey", id.ToString(), null, spec, now);
            return new Outcome.Created(id);
        }, outcome => outcome is Outcome.Created, _ => null, UndoFree: true), ct);
    }
}
