namespace Console.Web.Resources;

/// <summary>Marker for the live session pages' strings in LiveSessionsStrings.resx (English) and LiveSessionsStrings.zh-Hans.resx.</summary>
public sealed class LiveSessionsStrings;
