using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;

namespace Console.Domain.Email;

/// <summary>A parse error with the line it was found on (1-based), so forms and the API can point at it.</summary>
public sealed record TemplateError(int Line, string Message);

/// <summary>What a message's template may read: the recipient, their recommendations and coupon, and the unsubscribe address.</summary>
public sealed record TemplateModel(
    long CustomerId, string? ExternalId, string? Name, string? Email, string? City,
    IReadOnlyList<TemplateCourse> Recommendations, string? CouponCode, string UnsubscribeUrl);

public sealed record TemplateCourse(string ExternalId, string Title, string? Category);

/// <summary>
/// Liquid templates through Fluid. Values reach templates as dictionaries, so nothing outside the model is reachable,
/// and HTML output encodes every value while the text part is written as is.
/// </summary>
public static partial class EmailTemplate
{
    private static readonly FluidParser Parser = new();

    public static TemplateError? Check(string source) => TryParse(source, out _, out var error) ? null : error;

    public static bool TryParse(string source, out IFluidTemplate template, out TemplateError? error)
    {
        if (Parser.TryParse(source, out var parsed, out var message))
        {
            (template, error) = (parsed, null);
            return true;
        }
        var m = Position().Match(message ?? "");
        (template, error) = (null!, new TemplateError(m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1,
            message ?? "The template does not parse."));
        return false;
    }

    public static IFluidTemplate Parse(string source) =>
        TryParse(source, out var template, out var error) ? template : throw new InvalidOperationException($"line {error!.Line}: {error.Message}");

    public static string RenderHtml(IFluidTemplate template, TemplateModel model) => template.Render(Context(model), HtmlEncoder.Default);

    public static string RenderText(IFluidTemplate template, TemplateModel model) => template.Render(Context(model), NullEncoder.Default);

    /// <summary>The same, on a context built once for the several parts of one message.</summary>
    public static string RenderHtml(IFluidTemplate template, TemplateContext context) => template.Render(context, HtmlEncoder.Default);

    public static string RenderText(IFluidTemplate template, TemplateContext context) => template.Render(context, NullEncoder.Default);

    public static TemplateContext Context(TemplateModel model)
    {
        var context = new TemplateContext();
        context.SetValue("customer", new Dictionary<string, object?>
        {
            ["id"] = model.ExternalId, ["name"] = model.Name ?? "", ["first_name"] = FirstName(model.Name), ["email"] = model.Email ?? "",
            ["city"] = model.City ?? "",
        });
        context.SetValue("recommendations", model.Recommendations.Select(r => new Dictionary<string, object?>
        {
            ["id"] = r.ExternalId, ["title"] = r.Title, ["category"] = r.Category ?? "",
        }).ToList());
        if (model.CouponCode is not null) context.SetValue("coupon", new Dictionary<string, object?> { ["code"] = model.CouponCode });
        context.SetValue("unsubscribe_url", model.UnsubscribeUrl);
        return context;
    }

    private static string FirstName(string? name) => string.IsNullOrWhiteSpace(name) ? "" : name.Trim().Split(' ')[0];

    // Parlot reports where parsing stopped as "(line:column)".
    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
