using System.Text.RegularExpressions;
using Console.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Shared;

/// <summary>
/// The domain's field errors ("field → messages", the same the API returns) shown next to the form's fields in the
/// reader's language: known messages are translated, anything else is shown as the domain wrote it.
/// </summary>
public sealed partial class PromoErrors(IDictionary<string, string[]> errors, IStringLocalizer<PromotionsStrings> strings)
{
    public static readonly PromoErrors None = new(new Dictionary<string, string[]>(), null!);

    private static readonly (Regex Pattern, string Key)[] Shapes =
    [
        (BetweenPattern(), "Err.Between"), (AtLeastPattern(), "Err.AtLeast"), (UsesMadePattern(), "Err.UsesMade"),
        (UnknownCoursesPattern(), "Err.UnknownCourses"), (UnknownCustomersPattern(), "Err.UnknownCustomers"),
        (UnknownCoursePattern(), "Err.UnknownCourse"), (UnknownLivePattern(), "Err.UnknownLiveSession"),
        (CodeTakenPattern(), "Err.CodeTaken"), (MaxCharsPattern(), "Err.MaxChars"),
    ];

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>The field's messages in one line, or null when it has none.</summary>
    public string? this[string field] => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages.Select(Translate)) : null;

    /// <summary>Errors on fields the form does not show, so none is lost.</summary>
    public IEnumerable<string> Others(IReadOnlySet<string> shown) =>
        errors.Where(e => !shown.Contains(e.Key)).SelectMany(e => e.Value.Select(m => $"{e.Key}: {Translate(m)}"));

    public string Translate(string message)
    {
        var exact = strings["Err." + message];
        if (!exact.ResourceNotFound) return exact.Value;
        foreach (var (pattern, key) in Shapes)
            if (pattern.Match(message) is { Success: true } m)
                return strings[key, m.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray()];
        return message;
    }

    [GeneratedRegex("^Must be between (-?[0-9]+) and ([0-9]+)\\.$")] private static partial Regex BetweenPattern();
    [GeneratedRegex("^Must be at least (-?[0-9]+)\\.$")] private static partial Regex AtLeastPattern();
    [GeneratedRegex("^Must be at least the ([0-9]+) uses already made\\.$")] private static partial Regex UsesMadePattern();
    [GeneratedRegex("^Unknown courses: (.*)\\.$")] private static partial Regex UnknownCoursesPattern();
    [GeneratedRegex("^Unknown customers: (.*)\\.$")] private static partial Regex UnknownCustomersPattern();
    [GeneratedRegex("^Unknown course '(.*)'\\.$")] private static partial Regex UnknownCoursePattern();
    [GeneratedRegex("^Unknown live session '(.*)'\\.$")] private static partial Regex UnknownLivePattern();
    [GeneratedRegex("^The code '(.*)' is already in use\\.$")] private static partial Regex CodeTakenPattern();
    [GeneratedRegex("^At most ([0-9]+) characters\\.$")] private static partial Regex MaxCharsPattern();
}
