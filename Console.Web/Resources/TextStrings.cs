namespace Console.Web.Resources;

/// <summary>Marker for the text analysis strings in TextStrings.resx (English) and TextStrings.zh-Hans.resx.</summary>
public sealed class TextStrings;
