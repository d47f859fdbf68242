using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Console.Domain.Consent;
using Console.Domain.Data;
using Console.Domain.Surveys;
using Console.Web.Components.Pages.Consent;
using Console.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Pages.Surveys;

/// <summary>
/// GET and POST /s/{token}: the public response page. Plain HTML with the site's own stylesheet and one script of its
/// own (a strict CSP allows both); the browser checks required answers and ranges before it submits, and the server
/// checks them again. No sign-in: a link with a customer is answered once by that customer, any other link once per
/// browser (a random respondent id in a cookie).
/// </summary>
internal static class RespondentPage
{
    public const string RespondentCookie = "cc_respondent";

    public static void Map(WebApplication app)
    {
        app.MapGet("/s/{token}", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/s/{token}", SubmitAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> ShowAsync(string token, HttpContext http, SurveyLinks links, GetSurvey surveys,
        IStringLocalizer<SurveysStrings> l, PrivacyTexts privacy, IStringLocalizer<ConsentStrings> c, CancellationToken ct)
    {
        var footer = PrivacyFooter.Html(await privacy.GetAsync(ct), Chinese, c);
        IResult Page(string title, string body, int status = 200) => Write(title, body + footer, status);
        var link = await links.FindAsync(token, ct);
        var survey = link is null ? null : await surveys.FindAsync(link.SurveyId, ct);
        if (link is null || survey is null) return Page(l["Surveys.Respond.NotFound"], Message(l["Surveys.Respond.NotFoundText"]), 404);
        if (survey.Status != SurveyStatus.Open) return Page(survey.Name, Message(l["Surveys.Respond.Closed"]));
        var respondent = Respondent(http, link);
        if (await links.AnsweredAsync(link.Id, respondent, ct)) return Page(survey.Name, Message(l["Surveys.Respond.Already"]));
        return Page(survey.Name, Form(survey, token, Guid.NewGuid().ToString("N"), new Dictionary<string, string[]>(), FieldErrors.None, l));
    }

    private static async Task<IResult> SubmitAsync(string token, HttpContext http, SurveyLinks links, GetSurvey surveys, SubmitResponse submit,
        IStringLocalizer<SurveysStrings> l, PrivacyTexts privacy, IStringLocalizer<ConsentStrings> c, CancellationToken ct)
    {
        var footer = PrivacyFooter.Html(await privacy.GetAsync(ct), Chinese, c);
        IResult Page(string title, string body, int status = 200) => Write(title, body + footer, status);
        var link = await links.FindAsync(token, ct);
        var survey = link is null ? null : await surveys.FindAsync(link.SurveyId, ct);
        if (link is null || survey is null) return Page(l["Surveys.Respond.NotFound"], Message(l["Surveys.Respond.NotFoundText"]), 404);
        var form = await http.Request.ReadFormAsync(ct);
        var given = survey.Questions.ToDictionary(q => q.Key, q => form[q.Key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray());
        var responseId = form["responseId"].ToString() is { Length: > 0 and <= 64 } r ? r : Guid.NewGuid().ToString("N");
        var outcome = await submit.ExecuteAsync(survey.Id, new SubmitResponse.Command("web-" + responseId, link.CustomerExternalId,
            link.LiveSessionExternalId, null, Answers(survey, given), null, link.Id, Respondent(http, link), Chinese ? "zh-Hans" : "en"), ct);
        return outcome switch
        {
            SubmitResponse.Outcome.Created or SubmitResponse.Outcome.Existing => Page(survey.Name, Message(l["Surveys.Respond.Thanks"], "thanks")),
            SubmitResponse.Outcome.Refused { Code: SurveyRefusals.AlreadyAnswered } => Page(survey.Name, Message(l["Surveys.Respond.Already"])),
            SubmitResponse.Outcome.Refused => Page(survey.Name, Message(l["Surveys.Respond.Closed"])),
            SubmitResponse.Outcome.Invalid i => Page(survey.Name, Form(survey, token, responseId, given, i.Errors, l), 400),
            _ => Page(l["Surveys.Respond.NotFound"], Message(l["Surveys.Respond.NotFoundText"]), 404),
        };
    }

    /// <summary>Form values as the JSON answers the API takes: numbers for scales, an array for multi choice, text otherwise.</summary>
    private static Dictionary<string, JsonElement> Answers(Survey survey, Dictionary<string, string[]> given)
    {
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var q in survey.Questions)
        {
            var values = given[q.Key];
            if (values.Length == 0) continue;
            answers[q.Key] = q.Kind switch
            {
                QuestionKinds.MultiChoice => JsonSerializer.SerializeToElement(values),
                QuestionKinds.Nps or QuestionKinds.Csat or QuestionKinds.Rating when int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    => JsonSerializer.SerializeToElement(n),
                _ => JsonSerializer.SerializeToElement(values[0]),
            };
        }
        return answers;
    }

    private static string Respondent(HttpContext http, SurveyLink link)
    {
        if (link.CustomerId is { } customer) return customer.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Cookies.TryGetValue(RespondentCookie, out var id) && id.Length is > 0 and <= 64) return "b:" + id;
        var fresh = Guid.NewGuid().ToString("N");
        http.Response.Cookies.Append(RespondentCookie, fresh, new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Expires = DateTimeOffset.UtcNow.AddYears(1),
        });
        return "b:" + fresh;
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Message(string text, string id = "message") => $"""<p class="sv-message" id="{id}">{E(text)}</p>""";

    private static string Form(Survey survey, string token, string responseId, Dictionary<string, string[]> given, FieldErrors errors,
        IStringLocalizer<SurveysStrings> l)
    {
        var html = new StringBuilder();
        html.Append($"""<form method="post" action="/s/{E(token)}" id="survey-form">""");
        html.Append($"""<input type="hidden" name="responseId" value="{E(responseId)}">""");
        foreach (var q in survey.Questions)
        {
            var error = errors.For($"answers.{q.Key}").FirstOrDefault();
            var values = given.GetValueOrDefault(q.Key) ?? [];
            html.Append($"""<fieldset class="sv-question" data-kind="{q.Kind}" data-key="{E(q.Key)}"{(q.Required ? " data-required" : "")}>""");
            html.Append($"""<legend>{E(q.Text.For(Chinese))}{(q.Required ? " <span class=\"sv-required\">*</span>" : "")}</legend>""");
            html.Append(Inputs(q, values, l));
            html.Append($"""<p class="sv-error" id="error-{E(q.Key)}" role="alert"{(error is null ? " hidden" : "")}>{E(error is null ? l["Surveys.Respond.Required"] : ErrorText(error, l))}</p>""");
            html.Append("</fieldset>");
        }
        html.Append($"""<button type="submit" class="sv-submit">{E(l["Surveys.Respond.Submit"])}</button></form>""");
        return html.ToString();
    }

    private static string ErrorText(FieldError error, IStringLocalizer<SurveysStrings> l) =>
        error.Code == FieldCodes.Required ? l["Surveys.Respond.Required"] : l["Surveys.Respond.Invalid"];

    private static string Inputs(SurveyQuestion q, string[] values, IStringLocalizer<SurveysStrings> l)
    {
        var html = new StringBuilder();
        var required = q.Required ? " required" : "";
        switch (q.Kind)
        {
            case QuestionKinds.Nps or QuestionKinds.Csat or QuestionKinds.Rating:
                var (min, max) = QuestionKinds.Scale(q.Kind);
                html.Append($"""<div class="sv-scale sv-scale-{max - min + 1}">""");
                for (var v = min; v <= max; v++)
                {
                    var s = v.ToString(CultureInfo.InvariantCulture);
                    html.Append($"""<label class="sv-point"><input type="radio" name="{E(q.Key)}" value="{s}"{required}{(values.Contains(s) ? " checked" : "")}><span>{s}</span></label>""");
                }
                html.Append("</div>");
                if (q.Kind == QuestionKinds.Nps)
                    html.Append($"""<div class="sv-ends"><span>{E(l["Surveys.Respond.NpsLow"])}</span><span>{E(l["Surveys.Respond.NpsHigh"])}</span></div>""");
                break;
            case QuestionKinds.SingleChoice or QuestionKinds.MultiChoice:
                var type = q.Kind == QuestionKinds.SingleChoice ? "radio" : "checkbox";
                foreach (var o in q.Options)
                    html.Append($"""<label class="sv-option"><input type="{type}" name="{E(q.Key)}" value="{E(o.Value)}"{(type == "radio" ? required : "")}{(values.Contains(o.Value) ? " checked" : "")}> {E(o.Text.For(Chinese))}</label>""");
                break;
            default:
                html.Append($"""<textarea name="{E(q.Key)}" rows="4" maxlength="{AnswerCheck.MaxTextLength}"{required}>{E(values.FirstOrDefault())}</textarea>""");
                break;
        }
        return html.ToString();
    }

    private static IResult Write(string title, string body, int status)
    {
        var lang = Chinese ? "zh-Hans" : "en";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title>
            <link rel="stylesheet" href="/css/survey.css">
            <link rel="stylesheet" href="/css/consent.css">
            <script src="/js/survey-respond.js" defer></script>
            </head>
            <body><main class="sv-page"><h1>{E(title)}</h1>{body}</main></body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
