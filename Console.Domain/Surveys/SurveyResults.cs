using System.Text.Json;
using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Surveys;

public sealed record ResultsFilter(DateOnly? From = null, DateOnly? To = null, string? CourseExternalId = null,
    string? LiveSessionExternalId = null, string? By = null);

public sealed record AnswerCount(string Value, int Count);

public sealed record QuestionResult(string Key, string Kind, LocalText Text, int Answers, IReadOnlyList<AnswerCount> Counts, double? Mean);

public sealed record SentimentShares(int Scored, double Positive, double Neutral, double Negative);

public sealed record ThemeResult(string Label, double Share, IReadOnlyList<string> Examples);

/// <summary>One value of the grouping (a course, a session, a channel, a KOL, buyer or not), with its own figures.</summary>
public sealed record GroupResult(string Key, string Label, NpsFigures Nps, double? Csat, SentimentShares Sentiment);

public sealed record TrendPoint(DateOnly Day, int Responses, double? Nps, int Promoters, int Detractors);

/// <summary>A course or live session the survey's responses name, for the results filters.</summary>
public sealed record FilterChoice(string ExternalId, string Title);

public sealed record SurveyResultsAnswer(long SurveyId, DateTime? AnalysedAt, int Responses, NpsFigures Nps, double? Csat,
    IReadOnlyList<QuestionResult> Questions, SentimentShares Sentiment, IReadOnlyList<ThemeResult> Themes, string? By,
    IReadOnlyList<GroupResult> Groups, IReadOnlyList<TrendPoint> Trend);

/// <summary>
/// Reads what the analysis job stored: the responses it has analysed, with their sentiment, theme and the groups it
/// attached, filtered and summed. Nothing is scored or clustered here; responses not yet analysed are left out.
/// </summary>
public sealed class SurveyResults(Db db, BusinessTime time)
{
    public static readonly string[] Groupings = ["course", "live_session", "channel", "kol", "buyer"];

    private sealed record Row
    {
        public string AnswersJson { get; init; } = "{}";
        public int? NpsScore { get; init; }
        public int? CsatScore { get; init; }
        public string? Sentiment { get; init; }
        public string? Theme { get; init; }
        public string? CourseKey { get; init; }
        public string? CourseTitle { get; init; }
        public string? SessionKey { get; init; }
        public string? SessionTitle { get; init; }
        public string? Channel { get; init; }
        public string? Kol { get; init; }
        public bool? Buyer { get; init; }
        public DateTime SubmittedAt { get; init; }
    }

    public async Task<SurveyResultsAnswer?> ReadAsync(long surveyId, ResultsFilter filter, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var survey = await SurveyStore.LoadAsync(connection, null, surveyId, ct);
        if (survey is null) return null;
        var (fromUtc, untilUtc) = new DayRange(filter.From, filter.To).Utc(time);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT r.answers_json AS AnswersJson, r.nps_score AS NpsScore, r.csat_score AS CsatScore, r.sentiment AS Sentiment, r.theme AS Theme,
                   c.external_id AS CourseKey, c.title AS CourseTitle, ls.external_id AS SessionKey, ls.title AS SessionTitle,
                   r.channel AS Channel, r.kol AS Kol, r.buyer AS Buyer, r.submitted_at AS SubmittedAt
            FROM survey_responses r
            LEFT JOIN courses c ON c.id = r.course_id
            LEFT JOIN live_sessions ls ON ls.id = r.live_session_id
            WHERE r.survey_id = @surveyId AND r.analysed = 1
                AND (@fromUtc IS NULL OR r.submitted_at >= @fromUtc) AND (@untilUtc IS NULL OR r.submitted_at < @untilUtc)
                AND (@course IS NULL OR c.external_id = @course) AND (@session IS NULL OR ls.external_id = @session)
            ORDER BY r.submitted_at
            """, new { surveyId, fromUtc, untilUtc, course = filter.CourseExternalId, session = filter.LiveSessionExternalId },
            cancellationToken: ct))).ToList();
        var themes = (await connection.QueryAsync<(string Label, string ExamplesJson)>(new CommandDefinition(
            """
            SELECT label, examples_json FROM survey_themes WHERE survey_id = @surveyId ORDER BY position
            """, new { surveyId }, cancellationToken: ct))).ToList();
        var withText = rows.Count(r => r.Sentiment is not null || r.Theme is not null);
        var by = Groupings.Contains(filter.By) ? filter.By : null;
        return new SurveyResultsAnswer(surveyId, survey.AnalysedAt, rows.Count, Nps(rows), Csat(rows), Questions(survey, rows),
            Shares(rows), themes.Select(t => new ThemeResult(t.Label, withText == 0 ? 0 : (double)rows.Count(r => r.Theme == t.Label) / withText,
                JsonSerializer.Deserialize<List<string>>(t.ExamplesJson) ?? [])).ToList(),
            by, by is null ? [] : Groups(rows, by), Trend(rows));
    }

    /// <summary>The courses and live sessions the survey's responses name.</summary>
    public async Task<(IReadOnlyList<FilterChoice> Courses, IReadOnlyList<FilterChoice> Sessions)> ChoicesAsync(long surveyId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var courses = await connection.QueryAsync<FilterChoice>(new CommandDefinition(
            """
            SELECT c.external_id AS ExternalId, c.title AS Title FROM courses c
            WHERE c.id IN (SELECT r.course_id FROM survey_responses r WHERE r.survey_id = @surveyId)
            ORDER BY c.title
            """, new { surveyId }, cancellationToken: ct));
        var sessions = await connection.QueryAsync<FilterChoice>(new CommandDefinition(
            """
            SELECT ls.external_id AS ExternalId, ls.title AS Title FROM live_sessions ls
            WHERE ls.id IN (SELECT r.live_session_id FROM survey_responses r WHERE r.survey_id = @surveyId)
            ORDER BY ls.started_at DESC
            """, new { surveyId }, cancellationToken: ct));
        return (courses.ToList(), sessions.ToList());
    }

    private static NpsFigures Nps(IEnumerable<Row> rows) => NpsMath.Of(rows.Where(r => r.NpsScore is not null).Select(r => r.NpsScore!.Value));

    private static double? Csat(IEnumerable<Row> rows)
    {
        var answers = rows.Where(r => r.CsatScore is not null).ToList();
        return NpsMath.Csat(answers.Count(r => r.CsatScore >= 4), answers.Count);
    }

    private static SentimentShares Shares(IEnumerable<Row> rows)
    {
        var scored = rows.Where(r => r.Sentiment is not null).ToList();
        double Share(string label) => scored.Count == 0 ? 0 : (double)scored.Count(r => r.Sentiment == label) / scored.Count;
        return new SentimentShares(scored.Count, Share("positive"), Share("neutral"), Share("negative"));
    }

    private static List<GroupResult> Groups(List<Row> rows, string by) =>
        rows.GroupBy(r => by switch
            {
                "course" => (r.CourseKey ?? "", r.CourseTitle ?? ""),
                "live_session" => (r.SessionKey ?? "", r.SessionTitle ?? ""),
                "channel" => (r.Channel ?? "", r.Channel ?? ""),
                "kol" => (r.Kol ?? "", r.Kol ?? ""),
                _ => (r.Buyer == true ? "buyer" : "non_buyer", r.Buyer == true ? "buyer" : "non_buyer"),
            })
            .Select(g => new GroupResult(g.Key.Item1, g.Key.Item2, Nps(g), Csat(g), Shares(g)))
            .OrderByDescending(g => g.Nps.Responses).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    private List<TrendPoint> Trend(List<Row> rows) =>
        rows.GroupBy(r => time.DayOf(r.SubmittedAt)).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), Nps(g)))
            .Select(x => new TrendPoint(x.Key, x.Item2, x.Item3.Responses == 0 ? null : x.Item3.Score, x.Item3.Promoters, x.Item3.Detractors))
            .ToList();

    private static List<QuestionResult> Questions(Survey survey, List<Row> rows)
    {
        var parsed = rows.Select(r => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r.AnswersJson) ?? []).ToList();
        var results = new List<QuestionResult>();
        foreach (var q in survey.Questions)
        {
            var answers = parsed.Where(a => a.ContainsKey(q.Key)).Select(a => a[q.Key]).ToList();
            IReadOnlyList<AnswerCount> counts = q.Kind switch
            {
                QuestionKinds.Nps or QuestionKinds.Csat or QuestionKinds.Rating => Enumerable
                    .Range(QuestionKinds.Scale(q.Kind).Min, QuestionKinds.Scale(q.Kind).Max - QuestionKinds.Scale(q.Kind).Min + 1)
                    .Select(v => new AnswerCount(v.ToString(System.Globalization.CultureInfo.InvariantCulture), answers.Count(a => a.GetInt32() == v))).ToList(),
                QuestionKinds.SingleChoice => q.Options.Select(o => new AnswerCount(o.Value, answers.Count(a => a.GetString() == o.Value))).ToList(),
                QuestionKinds.MultiChoice => q.Options.Select(o => new AnswerCount(o.Value,
                    answers.Count(a => a.EnumerateArray().Any(v => v.GetString() == o.Value)))).ToList(),
                _ => [],
            };
            double? mean = q.Kind is QuestionKinds.Nps or QuestionKinds.Csat or QuestionKinds.Rating && answers.Count > 0
                ? answers.Average(a => a.GetInt32()) : null;
            results.Add(new QuestionResult(q.Key, q.Kind, q.Text, answers.Count, counts, mean));
        }
        return results;
    }
}
