using System.Security.Claims;
using System.Text.Json;
using Console.Domain.Surveys;

namespace Console.Web.Api;

/// <summary>Surveys, their responses, results and exports (API.md "Surveys and feedback").</summary>
internal static class SurveysApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var manage = v1.MapGroup("/surveys").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Surveys");
        var ingest = v1.MapGroup("/surveys").RequireAuthorization(ApiKeyAuthentication.IngestPolicy).WithTags("Surveys");
        manage.MapPost("", CreateAsync).Accepts<SurveyInput>("application/json").Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .Documented("CreateSurvey", "Create a survey: questions in English and Chinese, a status, and an optional trigger after live sessions.",
                new SurveyInput("After the live class", [
                    new QuestionInput("nps", QuestionKinds.Nps, new LocalText("How likely are you to recommend us to a friend?", "您向朋友推荐我们的可能性有多大？"), Required: true),
                    new QuestionInput("liked", QuestionKinds.MultiChoice, new LocalText("What did you like?", "您喜欢哪些部分？"),
                        [new OptionInput("teacher", new LocalText("The teacher", "讲师")), new OptionInput("price", new LocalText("The price", "价格"))]),
                    new QuestionInput("comment", QuestionKinds.Text, new LocalText("Anything else?", "还有什么想说的？")),
                ], new TriggerInput(SurveyTriggers.AfterLiveSession, ["c-1001"], 30), SurveyStatus.Open));
        ingest.MapGet("/{id:long}", GetAsync).Produces<SurveyAnswer>()
            .Documented("GetSurvey", "A survey as respondents see it: its questions in order with their texts and options.");
        ingest.MapPost("/{id:long}/responses", RespondAsync).Accepts<ResponseInput>("application/json")
            .Produces<ResponseAnswer>(StatusCodes.Status201Created)
            .Documented("SubmitSurveyResponse", "Store one response collected by the platform; idempotent by responseId. A bad answer is a 400 naming the question.",
                new ResponseInput("r-20261205-0001", "k-101", "live-77", null,
                    new Dictionary<string, JsonElement> { ["nps"] = JsonSerializer.SerializeToElement(9), ["comment"] = JsonSerializer.SerializeToElement("讲得很清楚") },
                    "2026-12-05T21:10:00+08:00"), SurveyRefusals.Closed, SurveyRefusals.NotOpen, SurveyRefusals.AlreadyAnswered);
        manage.MapGet("/{id:long}/results", ResultsAsync).Produces<ResultsAnswer>()
            .Documented("GetSurveyResults", "The analysis of a survey's responses, filtered by business days (from, to: YYYY-MM-DD), course, liveSession (external ids) and segment (a segment id: its members today), grouped by course, live_session, channel, kol, buyer or segment (each live segment's members today; group key = segment id). Unfiltered and not by segment, it is the snapshot the analysis job stored (fromSnapshot true, computedAt its time); otherwise it is summed now from the analysed responses.");
        manage.MapGet("/{id:long}/responses.csv", CsvAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Documented("ExportSurveyResponsesCsv", "Every response, one column per question, with sentiment and theme; formula-like text is neutralised.");
        manage.MapGet("/{id:long}/responses.xlsx", XlsxAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Documented("ExportSurveyResponsesXlsx", "The same table as responses.csv, as an XLSX workbook.");
        v1.MapPut("/coupon-campaigns/{id:long}/detractor-rule", DetractorRuleAsync).RequireAuthorization(ApiKeyAuthentication.ManagePolicy)
            .WithTags("Coupon campaigns").Accepts<DetractorRuleInput>("application/json").Produces<DetractorRuleAnswer>()
            .Documented("SetCouponDetractorRule", "Leave out of a coupon campaign's audience the customers who answered an NPS question with 0–6 in the last days; 0 clears it.",
                new DetractorRuleInput(30));
    }

    public sealed record CreatedAnswer(long Id);

    /// <summary>Days of look-back; 0 or null clears the rule.</summary>
    public sealed record DetractorRuleInput(int? Days = null);

    public sealed record DetractorRuleAnswer(long CampaignId, int? Days);

    private static async Task<IResult> DetractorRuleAsync(long id, HttpRequest request, ClaimsPrincipal user, DetractorRule rule, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<DetractorRuleInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await rule.SetAsync(id, body.Value!.Days, Actor(user), ct) switch
        {
            DetractorRule.Outcome.Set s => TypedResults.Ok(new DetractorRuleAnswer(s.CampaignId, s.Days)),
            DetractorRule.Outcome.Invalid i => Problems.Validation(i.Errors),
            _ => Problems.NotFound($"No coupon campaign {id}."),
        };
    }

    /// <summary>
    /// The NPS interval is 95 %; csat is a share (0–1); sentiment shares are of the responses whose text was scored. computedAt is
    /// when the figures were summed: the snapshot's time when fromSnapshot, else now; null before the first snapshot.
    /// </summary>
    public sealed record ResultsAnswer(long SurveyId, DateTimeOffset? AnalysedAt, DateTimeOffset? ComputedAt, bool FromSnapshot, int Responses, NpsAnswer Nps, double? Csat,
        IReadOnlyList<QuestionResult> Questions, SentimentShares Sentiment, IReadOnlyList<ThemeResult> Themes, string? By,
        IReadOnlyList<GroupAnswer> Groups, IReadOnlyList<TrendPoint> Trend);

    public sealed record NpsAnswer(double Score, double CiLow, double CiHigh, int Promoters, int Passives, int Detractors, int Responses);

    public sealed record GroupAnswer(string Key, string Label, int Responses, NpsAnswer Nps, double? Csat, SentimentShares Sentiment);

    private static NpsAnswer Nps(NpsFigures n) => new(Math.Round(n.Score, 2), Math.Round(n.CiLow, 2), Math.Round(n.CiHigh, 2),
        n.Promoters, n.Passives, n.Detractors, n.Responses);

    private static async Task<IResult> ResultsAsync(long id, string? from, string? to, string? by, string? course, string? liveSession,
        string? segment, SurveyResults results, GetSurvey surveys, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? Day(string name, string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day)) return day;
            errors[name] = ["A date as YYYY-MM-DD."];
            return null;
        }
        long? segmentId = null;
        if (!string.IsNullOrEmpty(segment))
        {
            if (long.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sid)) segmentId = sid;
            else errors["segment"] = ["A segment id (a whole number)."];
        }
        var filter = new ResultsFilter(Day("from", from), Day("to", to), Blank(course), Blank(liveSession), by, segmentId);
        if (by is not null && !SurveyResults.ByChoices.Contains(by)) errors["by"] = [$"One of: {string.Join(", ", SurveyResults.ByChoices)}."];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await surveys.FindAsync(id, ct) is null) return Problems.NotFound($"No survey {id}.");
        // Names of things the console does not hold are refused with their codes, as the create endpoints refuse them.
        if (await results.CheckAsync(filter, ct) is { Valid: false } unknown) return Problems.Validation(unknown);
        return await results.ReadAsync(id, filter, ct) is { } r
            ? TypedResults.Ok(new ResultsAnswer(r.SurveyId, SurveyTime(r.AnalysedAt), SurveyTime(r.ComputedAt), r.FromSnapshot, r.Responses, Nps(r.Nps),
                r.Csat, r.Questions, r.Sentiment, r.Themes, r.By, r.Groups.Select(g => new GroupAnswer(g.Key, g.Label, g.Responses, Nps(g.Nps), g.Csat, g.Sentiment)).ToList(),
                r.Trend))
            : Problems.NotFound($"No survey {id}.");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DateTimeOffset? SurveyTime(DateTime? utc) => utc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    internal static async Task<IResult> CsvAsync(long id, ResponsesExport export, CancellationToken ct) =>
        await export.ReadAsync(id, ct) is { } table
            ? TypedResults.File(ResponsesExport.Csv(table), "text/csv; charset=utf-8", $"survey-{id}-responses.csv")
            : Problems.NotFound($"No survey {id}.");

    internal static async Task<IResult> XlsxAsync(long id, ResponsesExport export, CancellationToken ct)
    {
        if (await export.ReadAsync(id, ct) is not { } table) return Problems.NotFound($"No survey {id}.");
        var sheet = table.Rows.Select(row => (IDictionary<string, object?>)table.Columns.Select((c, i) => (c, row[i]))
            .ToDictionary(x => x.c, x => x.Item2)).ToList();
        var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheet, sheetName: "responses", cancellationToken: ct);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"survey-{id}-responses.xlsx");
    }

    public sealed record SurveyAnswer(long Id, string Name, string Status, SurveyTrigger Trigger, IReadOnlyList<SurveyQuestion> Questions);

    /// <summary>Answers are keyed by question key: a whole number for nps, csat and rating, an option value, an array of them, or text.</summary>
    public sealed record ResponseInput(string? ResponseId = null, string? CustomerExternalId = null, string? LiveSessionExternalId = null,
        string? CourseExternalId = null, Dictionary<string, JsonElement>? Answers = null, string? SubmittedAt = null);

    /// <summary>Sentiment is the label of the response's free text (positive, neutral or negative); null when it wrote none.</summary>
    public sealed record ResponseAnswer(string ResponseId, string? Sentiment);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "apikey";

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CreateSurvey create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<SurveyInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, Actor(user), ct) switch
        {
            CreateSurvey.Outcome.Created c => TypedResults.Created($"/api/v1/surveys/{c.Id}", new CreatedAnswer(c.Id)),
            CreateSurvey.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> GetAsync(long id, GetSurvey surveys, CancellationToken ct) =>
        await surveys.FindAsync(id, ct) is { } s
            ? TypedResults.Ok(new SurveyAnswer(s.Id, s.Name, s.Status, s.Trigger, s.Questions))
            : Problems.NotFound($"No survey {id}.");

    private static async Task<IResult> RespondAsync(long id, HttpRequest request, SubmitResponse submit, SurveyResponseSentiment sentiment,
        CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ResponseInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Value!;
        var outcome = await submit.ExecuteAsync(id, new SubmitResponse.Command(b.ResponseId, b.CustomerExternalId, b.LiveSessionExternalId,
            b.CourseExternalId, b.Answers, b.SubmittedAt), ct);
        return outcome switch
        {
            SubmitResponse.Outcome.Created c => TypedResults.Created($"/api/v1/surveys/{id}/responses/{Uri.EscapeDataString(c.ResponseId)}",
                new ResponseAnswer(c.ResponseId, await sentiment.LabelAsync(id, c.ResponseId, ct))),
            SubmitResponse.Outcome.Existing e => TypedResults.Created($"/api/v1/surveys/{id}/responses/{Uri.EscapeDataString(e.ResponseId)}",
                new ResponseAnswer(e.ResponseId, await sentiment.LabelAsync(id, e.ResponseId, ct))),
            SubmitResponse.Outcome.NotFound => Problems.NotFound($"No survey {id}."),
            SubmitResponse.Outcome.Refused r => Problems.Refusal(r.Code, RefusalText(r.Code)),
            SubmitResponse.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    internal static string RefusalText(string code) => ErrorText.English(code, []);
}
