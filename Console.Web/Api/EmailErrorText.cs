using System.Collections.Frozen;
using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Email;

namespace Console.Web.Api;

/// <summary>The API's English for the email capability's codes; shared codes keep the shared wording.</summary>
public static class EmailErrorText
{
    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>
    {
        [EmailCodes.TemplateSyntax] = "The template does not parse at line {0}: {1}",
        [EmailCodes.UnknownSegment] = "No segment {0}.",
        [EmailCodes.NotUniqueCodes] = "Coupon campaign {0} has no unique codes to hand out.",
        [EmailCodes.AddressShape] = "An email address such as name@example.com.",
        [EmailCodes.NotFound] = "No email campaign {0}.",
        [EmailCodes.AlreadySent] = "Email campaign {0} has already been sent or scheduled.",
        [EmailCodes.NotSending] = "Email campaign {0} is neither sending nor scheduled.",
        [EmailCodes.NoSegmentReader] = "Segments are not available on this console yet, so recipients cannot be read.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Knows(string code) => Texts.ContainsKey(code);

    public static string English(string code, params object[] args) => Texts.TryGetValue(code, out var text)
        ? string.Format(CultureInfo.InvariantCulture, text, args)
        : ErrorText.English(code, args);

    public static string English(FieldError error) => English(error.Code, error.Args);

    public static IResult Problem(FieldErrors errors) => TypedResults.ValidationProblem(
        errors.ByField().ToDictionary(g => g.Key, g => g.Select(English).ToArray()),
        extensions: new Dictionary<string, object?>
        {
            ["codes"] = errors.ByField().ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()),
            // A template error's line, so an editor can jump to it.
            ["lines"] = errors.Where(e => e.Code == EmailCodes.TemplateSyntax).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.First().Args[0]),
        });

    public static IResult Refusal(string code, long id) => Problems.Refusal(code, English(code, id));
}
