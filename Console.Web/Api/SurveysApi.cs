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
    }

    public sealed record CreatedAnswer(long Id);

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

    internal static string RefusalText(string code) => code switch
    {
        SurveyRefusals.Closed => "The survey is closed and takes no more responses.",
        SurveyRefusals.NotOpen => "The survey is a draft and takes no responses yet.",
        _ => "This link has already been answered by this respondent.",
    };
}
