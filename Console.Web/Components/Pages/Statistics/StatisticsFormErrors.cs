using Console.Domain.Data;
using Console.Domain.Statistics;
using Console.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Console.Web.Components.Pages.Statistics;

/// <summary>
/// The calculators' field errors in the reader's language: the engine's own codes from StatisticsStrings, the shared ones
/// (required, between, at_least) from the shared wording.
/// </summary>
public sealed class StatisticsFormErrors(FieldErrors errors, IStringLocalizer<StatisticsStrings> strings, IStringLocalizer<Strings> shared)
{
    public static readonly StatisticsFormErrors None = new(FieldErrors.None, null!, null!);

    public bool Any => !errors.Valid;

    public bool Has(string field) => errors.Has(field);

    public string? this[string field] => errors.Has(field) ? string.Join(" ", errors.For(field).Select(Translate)) : null;

    private string Translate(FieldError error) => StatisticsCodes.All.Contains(error.Code)
        ? strings["Err." + error.Code, error.Args]
        : shared["Err." + error.Code, error.Args];
}
