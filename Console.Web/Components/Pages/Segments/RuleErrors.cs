using Console.Domain.Data;
using Console.Web.Components.Shared;

namespace Console.Web.Components.Pages.Segments;

/// <summary>The reader's errors of a rule, found by the path of the group or condition they belong to and worded by the form's resources.</summary>
public sealed class RuleErrors(FieldErrors errors, FormErrors words)
{
    public static readonly RuleErrors None = new(FieldErrors.None, FormErrors.None);

    /// <summary>A condition's own errors: at its path or under it (its field, op or value).</summary>
    public IReadOnlyList<string> OfCondition(string path) => errors
        .Where(e => e.Field == path || e.Field.StartsWith(path + ".", StringComparison.Ordinal) || e.Field.StartsWith(path + "[", StringComparison.Ordinal))
        .Select(words.Translate).ToList();

    /// <summary>One part of a condition (field, op or value), for the error line under that input.</summary>
    public string? At(string path) =>
        errors.Any(e => e.Field == path || e.Field.StartsWith(path + "[", StringComparison.Ordinal))
            ? string.Join(" ", errors.Where(e => e.Field == path || e.Field.StartsWith(path + "[", StringComparison.Ordinal)).Select(words.Translate))
            : null;

    /// <summary>A group's own errors: at its path or its list (empty, too deep, too many conditions).</summary>
    public IReadOnlyList<string> OfGroup(string path) => errors
        .Where(e => e.Field == path || e.Field == path + ".all" || e.Field == path + ".any")
        .Select(words.Translate).ToList();
}
