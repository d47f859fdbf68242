namespace Console.Web.Resources;

/// <summary>
/// Marker for MudBlazor's own texts (pager, pickers, close buttons) in MudStrings.resx, the English MudBlazor ships,
/// and MudStrings.zh-Hans.resx.
/// </summary>
public sealed class MudStrings;
