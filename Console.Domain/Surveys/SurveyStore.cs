using System.Data.Common;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>Reads a survey with its questions and trigger courses, and writes the question rows a create and an update share.</summary>
internal static class SurveyStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public string TriggerKind { get; init; } = "";
        public long DelayMinutes { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public DateTime? AnalysedAt { get; init; }
    }

    private sealed record QuestionRow
    {
        public string QuestionKey { get; init; } = "";
        public string Kind { get; init; } = "";
        public string TextEn { get; init; } = "";
        public string TextZh { get; init; } = "";
        public string OptionsJson { get; init; } = "[]";
        public bool Required { get; init; }
    }

    private sealed record StoredOption(string Value, string En, string Zh);

    public static readonly DialectSql InsertSurvey = new(d => $"""
        INSERT INTO surveys (name, status, trigger_kind, delay_minutes, created_at, updated_at)
        {DialectSql.OutputId(d)}
        VALUES (@name, @status, @trigger, @delay, @now, @now)
        """);

    private static readonly DialectSql CoursesSql = new(d => $"""
        SELECT external_id, id FROM courses WHERE external_id IN (SELECT value FROM {DialectSql.JsonValues(d)})
        """);

    public static async Task<Survey?> LoadAsync(DbConnection connection, DbTransaction? tx, long id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, name AS Name, status AS Status, trigger_kind AS TriggerKind, delay_minutes AS DelayMinutes,
                   created_at AS CreatedAt, updated_at AS UpdatedAt, analysed_at AS AnalysedAt
            FROM surveys WHERE id = @id
            """, new { id }, tx, cancellationToken: ct));
        if (row is null) return null;
        var questions = await connection.QueryAsync<QuestionRow>(new CommandDefinition(
            """
            SELECT question_key AS QuestionKey, kind AS Kind, text_en AS TextEn, text_zh AS TextZh, options_json AS OptionsJson,
                   required AS Required
            FROM survey_questions WHERE survey_id = @id ORDER BY position
            """, new { id }, tx, cancellationToken: ct));
        var courses = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT c.external_id FROM survey_trigger_courses t JOIN courses c ON c.id = t.course_id
            WHERE t.survey_id = @id ORDER BY c.external_id
            """, new { id }, tx, cancellationToken: ct));
        return new Survey(row.Id, row.Name, row.Status, new SurveyTrigger(row.TriggerKind, courses.ToList(), (int)row.DelayMinutes),
            questions.Select(q => new SurveyQuestion(q.QuestionKey, q.Kind, new LocalText(q.TextEn, q.TextZh),
                (JsonSerializer.Deserialize<List<StoredOption>>(q.OptionsJson, Json) ?? [])
                    .Select(o => new SurveyOption(o.Value, new LocalText(o.En, o.Zh))).ToList(), q.Required)).ToList(),
            row.CreatedAt, row.UpdatedAt, row.AnalysedAt);
    }

    /// <summary>Replaces the questions and trigger courses of a survey; course ids are resolved already.</summary>
    public static async Task WriteDefinitionAsync(DbConnection connection, DbTransaction tx, long id, IReadOnlyList<SurveyQuestion> questions,
        IReadOnlyCollection<long> courseIds, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM survey_questions WHERE survey_id = @id;
            DELETE FROM survey_trigger_courses WHERE survey_id = @id;
            """, new { id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO survey_questions (survey_id, position, question_key, kind, text_en, text_zh, options_json, required)
            VALUES (@id, @position, @key, @kind, @en, @zh, @options, @required)
            """, questions.Select((q, i) => new
            {
                id, position = i, key = q.Key, kind = q.Kind, en = q.Text.En, zh = q.Text.ZhHans, required = q.Required,
                options = JsonSerializer.Serialize(q.Options.Select(o => new StoredOption(o.Value, o.Text.En!, o.Text.ZhHans!)), Json),
            }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO survey_trigger_courses (survey_id, course_id) VALUES (@id, @courseId)
            """, courseIds.Select(courseId => new { id, courseId }), tx, cancellationToken: ct));
    }

    /// <summary>Row ids of the trigger's courses; the unknown ones are named under trigger.courseExternalIds.</summary>
    public static async Task<List<long>> CourseIdsAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<string> externalIds,
        FieldErrors errors, CancellationToken ct)
    {
        if (externalIds.Count == 0) return [];
        var ids = JsonSerializer.Serialize(externalIds);
        var found = (await connection.QueryAsync<(string ExternalId, long Id)>(new CommandDefinition(
            CoursesSql.For(connection is Microsoft.Data.Sqlite.SqliteConnection ? Dialect.Sqlite : Dialect.SqlServer),
            new { ids }, tx, cancellationToken: ct))).ToDictionary(r => r.ExternalId, r => r.Id, StringComparer.Ordinal);
        var unknown = externalIds.Where(e => !found.ContainsKey(e)).ToList();
        if (unknown.Count > 0) errors.Add("trigger.courseExternalIds", FieldCodes.UnknownCourses, string.Join(", ", unknown));
        return found.Values.ToList();
    }
}
