using System.Globalization;
using System.Net;
using System.Text;
using Console.Domain.Consent;
using Console.Web.Api;
using Console.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Pages.Consent;

/// <summary>
/// GET and POST /u/{token} (RFC 8058). A mailbox provider POSTs List-Unsubscribe=One-Click with no cookie, no
/// antiforgery token and no sign-in, and the customer is off marketing mail at once. A GET only shows a phone-sized page
/// whose button makes that same POST, since link scanners and previews fetch every link in a message.
/// </summary>
internal static class UnsubscribePage
{
    public const string OneClickField = "List-Unsubscribe", OneClickValue = "One-Click";

    public static void Map(WebApplication app)
    {
        app.MapGet("/u/{token}", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/u/{token}", UnsubscribeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> ShowAsync(string token, HttpContext http, UnsubscribeLinks links, PrivacyTexts privacy,
        IStringLocalizer<ConsentStrings> l, CancellationToken ct)
    {
        var footer = PrivacyFooter.Html(await privacy.GetAsync(ct), Chinese, l);
        if (links.Read(token) is null) return Invalid(http, l, footer);
        var form = $"""
            <p class="sv-message" id="message">{E(l["Consent.Unsubscribe.Ask"])}</p>
            <form method="post" action="/u/{E(token)}" id="unsubscribe-form" class="cs-form">
            <input type="hidden" name="{OneClickField}" value="{OneClickValue}">
            <button type="submit" class="sv-submit" id="unsubscribe">{E(l["Consent.Unsubscribe.Button"])}</button>
            </form>
            """;
        return Page(l["Consent.Unsubscribe.Title"], form, footer);
    }

    private static async Task<IResult> UnsubscribeAsync(string token, HttpContext http, UnsubscribeLinks links, Unsubscribe unsubscribe,
        PrivacyTexts privacy, IStringLocalizer<ConsentStrings> l, CancellationToken ct)
    {
        var footer = PrivacyFooter.Html(await privacy.GetAsync(ct), Chinese, l);
        if (links.Read(token) is not { } read) return Invalid(http, l, footer);
        if (!await AsksOneClickAsync(http.Request, ct))
            return Refused(http, l["Consent.Unsubscribe.NotOneClick"], footer,
                $"The body must be the form field {OneClickField}={OneClickValue}.");
        var outcome = await unsubscribe.ExecuteAsync(read.CustomerId, read.EmailCampaignId, ct);
        if (outcome == Unsubscribe.Outcome.UnknownCustomer) return Invalid(http, l, footer);
        return Page(l["Consent.Unsubscribe.Title"], Message(l["Consent.Unsubscribe.Done"], "done"), footer);
    }

    /// <summary>RFC 8058 names the one field the POST carries; either form encoding is read, anything else is not a request to unsubscribe.</summary>
    private static async Task<bool> AsksOneClickAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return false;
        try
        {
            var form = await request.ReadFormAsync(ct);
            return form[OneClickField].Any(v => string.Equals(v?.Trim(), OneClickValue, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return false;
        }
    }

    private static IResult Invalid(HttpContext http, IStringLocalizer<ConsentStrings> l, string footer) =>
        Refused(http, l["Consent.Unsubscribe.InvalidText"], footer, "The unsubscribe link is not valid: it is incomplete, was changed, or was not made here.");

    /// <summary>People get a page; a caller that asks for JSON (a provider's client, a script) gets a problem document.</summary>
    private static IResult Refused(HttpContext http, string text, string footer, string detail)
    {
        var accept = http.Request.GetTypedHeaders().Accept;
        var wantsJson = accept.Count > 0 && !accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            && accept.Any(a => a.MediaType.Value?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
        if (wantsJson) return Problems.BadRequest(detail);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<ConsentStrings>>();
        return Page(l["Consent.Unsubscribe.InvalidTitle"], Message(text, "invalid"), footer, StatusCodes.Status400BadRequest);
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Message(string text, string id) => $"""<p class="sv-message" id="{id}">{E(text)}</p>""";

    private static IResult Page(string title, string body, string footer, int status = 200)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="{(Chinese ? "zh-Hans" : "en")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{E(title)}</title>
            <link rel="stylesheet" href="/css/survey.css">
            <link rel="stylesheet" href="/css/consent.css">
            </head>
            <body><main class="sv-page"><h1>{E(title)}</h1>{body}{footer}</main></body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
