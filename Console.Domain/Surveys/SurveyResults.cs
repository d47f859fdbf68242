using System.Text.Json;
using System.Text.Json.Serialization;
using Console.Domain.Data;
using Console.Domain.Segments;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>Business days, a course, a live session and a segment narrow the responses; By names the grouping shown.</summary>
public sealed record ResultsFilter(DateOnly? From = null, DateOnly? To = null, string? CourseExternalId = null,
    string? LiveSessionExternalId = null, string? By = null, long? SegmentId = null)
{
    /// <summary>No narrowing at all: the view the snapshot holds, whatever the grouping.</summary>
    public bool Unfiltered => From is null && To is null && CourseExternalId is null && LiveSessionExternalId is null && SegmentId is null;
}

public sealed record AnswerCount(string Value, int Count);

public sealed record QuestionResult(string Key, string Kind, LocalText Text, int Answers, IReadOnlyList<AnswerCount> Counts, double? Mean);

public sealed record SentimentShares(int Scored, double Positive, double Neutral, double Negative);

public sealed record ThemeResult(string Label, double Share, IReadOnlyList<string> Examples);

/// <summary>One value of the grouping (a course, a session, a channel, a KOL, buyer or not), with its own figures.</summary>
public sealed record GroupResult(string Key, string Label, int Responses, NpsFigures Nps, double? Csat, SentimentShares Sentiment);

/// <summary>One business day: all its responses, and of them the NPS answers its promoters and detractors are shares of.</summary>
public sealed record TrendPoint(DateOnly Day, int Responses, double? Nps, int Promoters, int Detractors, int NpsResponses);

/// <summary>A course or live session the survey's responses name, for the results filters.</summary>
public sealed record FilterChoice(string ExternalId, string Title);

/// <summary>
/// The results as read: ComputedAt is when the figures were summed (the snapshot's time, or now for a filtered view);
/// FromSnapshot says which. Without a snapshot yet, the unfiltered view is empty and ComputedAt null.
/// </summary>
public sealed record SurveyResultsAnswer(long SurveyId, DateTime? AnalysedAt, DateTime? ComputedAt, bool FromSnapshot, int Responses, NpsFigures Nps,
    double? Csat, IReadOnlyList<QuestionResult> Questions, SentimentShares Sentiment, IReadOnlyList<ThemeResult> Themes, string? By,
    IReadOnlyList<GroupResult> Groups, IReadOnlyList<TrendPoint> Trend);

/// <summary>Where a survey's snapshot stands: when it was last stored, and the share done of a refresh under way.</summary>
public sealed record SnapshotState(DateTime? ComputedAt, double? Progress);

/// <summary>
/// Reads survey results. The unfiltered view is the snapshot the analysis job stored (RefreshSurveyResults); a view
/// narrowed by days, course, session or segment cannot be stored for every combination, so it is summed on request
/// from the rows the job analysed: one survey's rows streamed through a ResultsTally, on the thread pool, so a Blazor
/// circuit only awaits it. Nothing is scored or clustered here; responses not yet analysed are left out.
/// </summary>
public sealed class SurveyResults(StatementRunner runner, BusinessTime time, TimeProvider clock, SegmentQueries segments)
{
    /// <summary>The groupings a snapshot holds.</summary>
    public static readonly string[] Groupings = ["course", "live_session", "channel", "kol", "buyer"];

    /// <summary>Grouping by segment: membership is today's, so it is summed on request and never stored.</summary>
    public const string BySegment = "segment";

    /// <summary>Every grouping a reader may ask for.</summary>
    public static readonly string[] ByChoices = [.. Groupings, BySegment];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private const string SnapshotSql =
        """
        SELECT computed_at AS ComputedAt, body AS Body FROM survey_snapshots WHERE survey_id = @surveyId AND body IS NOT NULL
        """;

    private const string StateSql =
        """
        SELECT computed_at AS ComputedAt, progress AS Progress FROM survey_snapshots WHERE survey_id = @surveyId
        """;

    private const string ThemesSql =
        """
        SELECT label AS Label, examples_json AS ExamplesJson FROM survey_themes WHERE survey_id = @surveyId ORDER BY position
        """;

    private sealed record Snapshot
    {
        public DateTime ComputedAt { get; init; }
        public string Body { get; init; } = "";
    }

    private sealed record State
    {
        public DateTime? ComputedAt { get; init; }
        public double? Progress { get; init; }
    }

    private sealed record StoredTheme
    {
        public string Label { get; init; } = "";
        public string ExamplesJson { get; init; } = "[]";
    }

    public async Task<SurveyResultsAnswer?> ReadAsync(long surveyId, ResultsFilter filter, CancellationToken ct = default)
    {
        Survey? survey;
        List<StoredTheme> themes;
        Snapshot? snapshot = null;
        await using (var run = await runner.ReadAsync(ct))
        {
            survey = await SurveyStore.LoadAsync(run.Connection, null, surveyId, ct);
            if (survey is null) return null;
            themes = (await run.Connection.QueryAsync<StoredTheme>(new CommandDefinition(ThemesSql, new { surveyId }, cancellationToken: ct))).ToList();
            if (filter.Unfiltered && filter.By != BySegment)
                snapshot = await run.Connection.QuerySingleOrDefaultAsync<Snapshot>(new CommandDefinition(SnapshotSql, new { surveyId }, cancellationToken: ct));
        }
        var by = ByChoices.Contains(filter.By) ? filter.By : null;
        var fromSnapshot = filter.Unfiltered && by != BySegment;
        DateTime? computedAt;
        SurveyFigures figures;
        if (fromSnapshot)
        {
            computedAt = snapshot?.ComputedAt;
            figures = snapshot is null ? new ResultsTally(survey, [], time).Finish() : JsonSerializer.Deserialize<SurveyFigures>(snapshot.Body, Json)!;
        }
        else
        {
            computedAt = clock.GetUtcNow().UtcDateTime;
            // Off the caller's synchronisation context: a circuit's thread is never held by the summing.
            figures = await Task.Run(() => ComputeAsync(survey, themes.Select(t => t.Label).ToList(), filter, ct, by == BySegment), ct);
        }
        var examples = themes.GroupBy(t => t.Label, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => JsonSerializer.Deserialize<List<string>>(g.First().ExamplesJson) ?? [], StringComparer.Ordinal);
        return new SurveyResultsAnswer(surveyId, survey.AnalysedAt, computedAt, fromSnapshot, figures.Responses, figures.Nps, figures.Csat,
            figures.Questions, figures.Sentiment,
            figures.Themes.Select(t => new ThemeResult(t.Label, t.Share, examples.GetValueOrDefault(t.Label) ?? [])).ToList(),
            by, by is null ? [] : figures.Groups.GetValueOrDefault(by) ?? [], figures.Trend);
    }

    /// <summary>
    /// The figures summed now from the survey's analysed rows that pass the filter, grouped by segment too when asked; the
    /// snapshot job stores them unfiltered.
    /// </summary>
    public async Task<SurveyFigures> ComputeAsync(Survey survey, IReadOnlyList<string> themeLabels, ResultsFilter filter, CancellationToken ct = default,
        bool bySegment = false)
    {
        await using var run = await runner.ReadAsync(ct);
        var tally = new ResultsTally(survey, themeLabels, time, bySegment ? await SegmentGroups.ReadAsync(run, survey.Id, segments, ct) : null);
        return await ResultRow.TallyAsync(run, survey.Id, filter, tally, time, segments, ct) ? tally.Finish() : new ResultsTally(survey, themeLabels, time).Finish();
    }

    /// <summary>The survey's theme labels in their stored order.</summary>
    public async Task<IReadOnlyList<string>> ThemeLabelsAsync(long surveyId, CancellationToken ct = default)
    {
        await using var run = await runner.ReadAsync(ct);
        return (await run.Connection.QueryAsync<StoredTheme>(new CommandDefinition(ThemesSql, new { surveyId }, cancellationToken: ct))).Select(t => t.Label).ToList();
    }

    public async Task<SnapshotState> StateAsync(long surveyId, CancellationToken ct = default)
    {
        await using var run = await runner.ReadAsync(ct);
        var state = await run.Connection.QuerySingleOrDefaultAsync<State>(new CommandDefinition(StateSql, new { surveyId }, cancellationToken: ct));
        return new SnapshotState(state?.ComputedAt, state?.Progress);
    }

    /// <summary>Field errors for a filter that names a course, live session or segment the console does not hold.</summary>
    public async Task<FieldErrors> CheckAsync(ResultsFilter filter, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        await using var run = await runner.ReadAsync(ct);
        if (filter.CourseExternalId is { } course
            && await run.ScalarAsync<long>("SELECT COUNT(*) FROM courses WHERE external_id = @course", ct, ("course", course)) == 0)
            errors.Add("course", FieldCodes.UnknownCourse, course);
        if (filter.LiveSessionExternalId is { } session
            && await run.ScalarAsync<long>("SELECT COUNT(*) FROM live_sessions WHERE external_id = @session", ct, ("session", session)) == 0)
            errors.Add("liveSession", FieldCodes.UnknownLiveSession, session);
        if (filter.SegmentId is { } segment && await SegmentStore.RuleAsync(run.Connection, null, segment, ct) is null)
            errors.Add("segment", FieldCodes.UnknownSegment, segment);
        return errors;
    }

    /// <summary>The courses and live sessions the survey's responses name.</summary>
    public async Task<(IReadOnlyList<FilterChoice> Courses, IReadOnlyList<FilterChoice> Sessions)> ChoicesAsync(long surveyId, CancellationToken ct = default)
    {
        await using var run = await runner.ReadAsync(ct);
        var courses = await run.Connection.QueryAsync<FilterChoice>(new CommandDefinition(
            """
            SELECT c.external_id AS ExternalId, c.title AS Title FROM courses c
            WHERE c.id IN (SELECT r.course_id FROM survey_responses r WHERE r.survey_id = @surveyId)
            ORDER BY c.title
            """, new { surveyId }, cancellationToken: ct));
        var sessions = await run.Connection.QueryAsync<FilterChoice>(new CommandDefinition(
            """
            SELECT ls.external_id AS ExternalId, ls.title AS Title FROM live_sessions ls
            WHERE ls.id IN (SELECT r.live_session_id FROM survey_responses r WHERE r.survey_id = @surveyId)
            ORDER BY ls.started_at DESC
            """, new { surveyId }, cancellationToken: ct));
        return (courses.ToList(), sessions.ToList());
    }
}
