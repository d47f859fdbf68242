using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Console.Web.Components.Layout;

/// <summary>MudBlazor's classes and icon markup for the shell's plain elements, built once and shared by every page.</summary>
public static class ShellMarkup
{
    private static readonly ConcurrentDictionary<(string Svg, string Classes), MarkupString> Icons = new();

    public const string IconButton = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    public const string TextButton = "mud-button-root mud-button mud-button-text mud-button-text-inherit mud-button-text-size-medium mud-ripple";

    /// <summary>An SVG icon as MudIcon renders it (medium size unless the classes say otherwise), built once per icon and classes.</summary>
    public static MarkupString Icon(string svg, string classes = "mud-icon-size-medium") => Icons.GetOrAdd((svg, classes), key => new MarkupString(
        $"""<svg class="mud-icon-root mud-svg-icon {key.Classes}" focusable="false" viewBox="0 0 24 24" aria-hidden="true" role="img">{key.Svg}</svg>"""));
}
