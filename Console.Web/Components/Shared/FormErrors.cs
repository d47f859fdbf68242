using Console.Domain.Data;
using Console.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Shared;

/// <summary>
/// The domain's field errors shown next to the form's fields in the reader's language: each code is worded by the
/// resource "Err." + code with the error's arguments (a test checks that every code has one in both languages).
/// </summary>
public sealed class FormErrors(FieldErrors errors, IStringLocalizer<Strings> strings)
{
    public static readonly FormErrors None = new(FieldErrors.None, null!);

    public bool Any => !errors.Valid;

    public bool Has(string field) => errors.Has(field);

    /// <summary>The field's messages in one line, or null when it has none.</summary>
    public string? this[string field] => errors.Has(field) ? string.Join(" ", errors.For(field).Select(Translate)) : null;

    /// <summary>Errors on fields the form does not show, so none is lost.</summary>
    public IEnumerable<string> Others(IReadOnlySet<string> shown) =>
        errors.Where(e => !shown.Contains(e.Field)).Select(e => $"{e.Field}: {Translate(e)}");

    /// <summary>Every message in one line, for a notice that is not beside a field.</summary>
    public string All() => string.Join(" ", errors.Select(Translate));

    public string Translate(FieldError error) => strings["Err." + error.Code, error.Args];
}
