using System.Globalization;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>
/// Stores one response to an open survey. Idempotent by responseId: a replay answers with the stored response and stores
/// nothing. A response through a link is kept to one per link and respondent (the link's customer, or the browser's id).
/// </summary>
public sealed class SubmitResponse(StatementRunner runner, Db db, ExternalIds externalIds, TimeProvider clock)
{
    public sealed record Command(string? ResponseId, string? CustomerExternalId, string? LiveSessionExternalId, string? CourseExternalId,
        IReadOnlyDictionary<string, JsonElement>? Answers, string? SubmittedAt = null, long? LinkId = null, string? Respondent = null,
        string? Language = null);

    public abstract record Outcome
    {
        public sealed record Created(string ResponseId) : Outcome;
        public sealed record Existing(string ResponseId) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Refused(string Code) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long surveyId, Command command, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Survey? survey;
        await using (var connection = await db.OpenAsync(ct)) survey = await SurveyStore.LoadAsync(connection, null, surveyId, ct);
        if (survey is null) return new Outcome.NotFound();
        var errors = new FieldErrors();
        var responseId = command.ResponseId?.Trim() ?? "";
        if (responseId.Length == 0) errors.Add("responseId", FieldCodes.Required);
        else if (responseId.Length > 100) errors.Add("responseId", FieldCodes.TooLong, 100);
        var customer = Optional("customerExternalId", command.CustomerExternalId, errors);
        var session = Optional("liveSessionExternalId", command.LiveSessionExternalId, errors);
        var course = Optional("courseExternalId", command.CourseExternalId, errors);
        var submittedAt = SubmittedAt(command.SubmittedAt, now, errors);
        var answers = AnswerCheck.Check(survey.Questions, command.Answers, errors);
        if (command.Answers is null) errors.Add("answers", FieldCodes.Required);
        if (!errors.Valid) return new Outcome.Invalid(errors);

        return await runner.WriteAsync(new WriteUnit<Outcome>(async (s, token) =>
        {
            var tx = s.Transaction!;
            var stored = await s.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                SELECT id FROM survey_responses WHERE survey_id = @surveyId AND response_id = @responseId
                """, new { surveyId, responseId }, tx, cancellationToken: token));
            if (stored is not null) return new Outcome.Existing(responseId);
            if (survey.Status == SurveyStatus.Closed) return new Outcome.Refused(SurveyRefusals.Closed);
            if (survey.Status == SurveyStatus.Draft) return new Outcome.Refused(SurveyRefusals.NotOpen);
            long? sessionId = null, courseId = null;
            if (session is not null && (await externalIds.LiveSessionsAsync(s.Connection, tx, [session])).TryGetValue(session, out var sid)) sessionId = sid;
            else if (session is not null) errors.Add("liveSessionExternalId", FieldCodes.UnknownLiveSession, session);
            if (course is not null && (await externalIds.CoursesAsync(s.Connection, tx, [course])).TryGetValue(course, out var cid)) courseId = cid;
            else if (course is not null) errors.Add("courseExternalId", FieldCodes.UnknownCourse, course);
            if (!errors.Valid) return new Outcome.Invalid(errors);
            courseId ??= sessionId is null ? null : await s.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                SELECT course_id FROM live_sessions WHERE id = @sessionId
                """, new { sessionId }, tx, cancellationToken: token));
            long? customerId = customer is null ? null : (await externalIds.EnsureCustomersAsync(s.Connection, tx, [customer], now))[customer];
            var respondent = command.Respondent ?? customerId?.ToString(CultureInfo.InvariantCulture);
            if (command.LinkId is { } linkId && respondent is not null && await s.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    SELECT COUNT(*) FROM survey_responses WHERE link_id = @linkId AND respondent = @respondent
                    """, new { linkId, respondent }, tx, cancellationToken: token)) > 0)
                return new Outcome.Refused(SurveyRefusals.AlreadyAnswered);
            await s.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO survey_responses (survey_id, response_id, link_id, respondent, customer_id, live_session_id, course_id, language,
                    answers_json, free_text, nps_score, csat_score, analysed, submitted_at, received_at)
                VALUES (@surveyId, @responseId, @linkId, @respondent, @customerId, @sessionId, @courseId, @language,
                    @answersJson, @freeText, @nps, @csat, 0, @submittedAt, @now)
                """, new
                {
                    surveyId, responseId, linkId = command.LinkId, respondent, customerId, sessionId, courseId, language = command.Language,
                    answersJson = JsonSerializer.Serialize(answers, SurveyStore.Json),
                    freeText = AnswerCheck.FreeText(survey.Questions, answers),
                    nps = AnswerCheck.Score(survey.Questions, answers, QuestionKinds.Nps),
                    csat = AnswerCheck.Score(survey.Questions, answers, QuestionKinds.Csat), submittedAt, now,
                }, tx, cancellationToken: token));
            return new Outcome.Created(responseId);
        }, outcome => outcome is Outcome.Created, _ => null, UndoFree: false), ct);
    }

    private static string? Optional(string field, string? value, FieldErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > 100) errors.Add(field, FieldCodes.TooLong, 100);
        return text;
    }

    private static DateTime SubmittedAt(string? value, DateTime now, FieldErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return now;
        if (!text.Contains('T') || !(text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-')
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add("submittedAt", FieldCodes.NotIsoTime);
            return now;
        }
        if (parsed.UtcDateTime > now.AddDays(1)) errors.Add("submittedAt", FieldCodes.TooFarAhead);
        return parsed.UtcDateTime;
    }
}
