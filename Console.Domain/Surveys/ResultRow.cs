using Console.Domain.Data;
using Console.Domain.Segments;
using Dapper;

namespace Console.Domain.Surveys;

/// <summary>One analysed response with what the analysis job stored beside it: what results sum and group.</summary>
public sealed record ResultRow
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
    public long? CustomerId { get; init; }

    private const string Sql =
        """
        SELECT r.answers_json AS AnswersJson, r.nps_score AS NpsScore, r.csat_score AS CsatScore, r.sentiment AS Sentiment, r.theme AS Theme,
               co.external_id AS CourseKey, co.title AS CourseTitle, ls.external_id AS SessionKey, ls.title AS SessionTitle,
               r.channel AS Channel, r.kol AS Kol, r.buyer AS Buyer, r.submitted_at AS SubmittedAt,
               r.customer_id AS CustomerId
        FROM survey_responses r
        LEFT JOIN courses co ON co.id = r.course_id
        LEFT JOIN live_sessions ls ON ls.id = r.live_session_id
        WHERE r.survey_id = @surveyId AND r.analysed = 1
            AND (@fromUtc IS NULL OR r.submitted_at >= @fromUtc) AND (@untilUtc IS NULL OR r.submitted_at < @untilUtc)
            AND (@course IS NULL OR co.external_id = @course) AND (@session IS NULL OR ls.external_id = @session)
        """;

    // The segment's rule compiled to a predicate over customers c (every value a parameter), closed by the caller's bracket.
    private const string InSegment = " AND r.customer_id IN (SELECT c.id FROM customers c WHERE ";

    /// <summary>The statement, narrowed to the customers a compiled segment predicate holds when one is given.</summary>
    internal static string SqlFor(string? segmentWhere) => segmentWhere is null ? Sql : Sql + InSegment + segmentWhere + ")";

    /// <summary>
    /// Streams the survey's analysed responses that pass the filter into the tally; the segment's members are those its
    /// rule holds today. False when the filter names a segment that no longer exists.
    /// </summary>
    public static async Task<bool> TallyAsync(Statements run, long surveyId, ResultsFilter filter, ResultsTally tally, BusinessTime time,
        SegmentQueries segments, CancellationToken ct)
    {
        var (fromUtc, untilUtc) = new DayRange(filter.From, filter.To).Utc(time);
        var parameters = new DynamicParameters(new { surveyId, fromUtc, untilUtc, course = filter.CourseExternalId, session = filter.LiveSessionExternalId });
        var sql = SqlFor(null);
        if (filter.SegmentId is { } segmentId)
        {
            if (await SegmentStore.RuleAsync(run.Connection, run.Transaction, segmentId, ct) is not { } rule) return false;
            var compiled = RuleSql.Compile(rule, run.Dialect, segments.Today());
            foreach (var (name, value) in compiled.Parameters) parameters.Add(name, value);
            sql = SqlFor(compiled.Where);
        }
        await foreach (var row in run.Connection.QueryUnbufferedAsync<ResultRow>(sql, parameters, run.Transaction).WithCancellation(ct))
            tally.Add(row);
        return true;
    }
}
