namespace Console.Web.Resources;

/// <summary>Marker for the shared UI strings in Strings.resx (English) and Strings.zh-Hans.resx.</summary>
public sealed class Strings;
