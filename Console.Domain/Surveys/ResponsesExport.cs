using System.Globalization;
using System.Text;
using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>
/// Every response of a survey as a table: who and when, one column per question, then sentiment and theme. Text cells
/// that a spreadsheet would read as a formula (starting with =, +, -, @, or a tab or carriage return) get a leading
/// apostrophe, so that an export cannot run anything when it is opened.
/// </summary>
public sealed class ResponsesExport(Db db)
{
    public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

    private sealed record Row
    {
        public string ResponseId { get; init; } = "";
        public DateTime SubmittedAt { get; init; }
        public string? Customer { get; init; }
        public string? Course { get; init; }
        public string? Session { get; init; }
        public string? Language { get; init; }
        public string AnswersJson { get; init; } = "{}";
        public string? Sentiment { get; init; }
        public double? SentimentPositive { get; init; }
        public string? Theme { get; init; }
    }

    public async Task<Table?> ReadAsync(long surveyId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var survey = await SurveyStore.LoadAsync(connection, null, surveyId, ct);
        if (survey is null) return null;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT r.response_id AS ResponseId, r.submitted_at AS SubmittedAt, cu.external_id AS Customer, c.external_id AS Course,
                   ls.external_id AS Session, r.language AS Language, r.answers_json AS AnswersJson, r.sentiment AS Sentiment,
                   r.sentiment_positive AS SentimentPositive, r.theme AS Theme
            FROM survey_responses r
            LEFT JOIN customers cu ON cu.id = r.customer_id
            LEFT JOIN courses c ON c.id = r.course_id
            LEFT JOIN live_sessions ls ON ls.id = r.live_session_id
            WHERE r.survey_id = @surveyId
            ORDER BY r.submitted_at, r.id
            """, new { surveyId }, cancellationToken: ct));
        var columns = new List<string> { "responseId", "submittedAt", "customerExternalId", "courseExternalId", "liveSessionExternalId", "language" };
        columns.AddRange(survey.Questions.Select(q => q.Key));
        columns.AddRange(["sentiment", "sentimentPositive", "theme"]);
        return new Table(columns, rows.Select(r =>
        {
            var answers = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r.AnswersJson) ?? [];
            var cells = new List<object?>
            {
                Safe(r.ResponseId), r.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), Safe(r.Customer), Safe(r.Course),
                Safe(r.Session), r.Language,
            };
            cells.AddRange(survey.Questions.Select(q => answers.TryGetValue(q.Key, out var a) ? Cell(a) : null));
            cells.AddRange([r.Sentiment, r.SentimentPositive is { } p ? Math.Round(p, 4) : null, Safe(r.Theme)]);
            return cells.ToArray();
        }).ToList());
    }

    private static object? Cell(JsonElement answer) => answer.ValueKind switch
    {
        JsonValueKind.Number => answer.GetInt32(),
        JsonValueKind.Array => Safe(string.Join("; ", answer.EnumerateArray().Select(v => v.GetString()))),
        _ => Safe(answer.GetString()),
    };

    /// <summary>Text a spreadsheet would take for a formula is prefixed with an apostrophe and shown as typed.</summary>
    public static string? Safe(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>RFC 4180 CSV with a header line; UTF-8 with a byte-order mark so that spreadsheets read Chinese right.</summary>
    public static byte[] Csv(Table table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Columns.Select(Quote)).Append("\r\n");
        foreach (var row in table.Rows)
            text.AppendJoin(',', row.Select(c => Quote(c switch
            {
                null => "",
                double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => c.ToString() ?? "",
            }))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
