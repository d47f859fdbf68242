using Console.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Console.Web.Ui;

/// <summary>MudBlazor's built-in texts in the console's languages; a key missing here falls back to MudBlazor's English.</summary>
internal sealed class MudStringsLocalizer(IStringLocalizer<MudStrings> strings) : MudLocalizer
{
    public override LocalizedString this[string key] => strings[key];
}
