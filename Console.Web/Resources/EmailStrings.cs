namespace Console.Web.Resources;

/// <summary>Marker for the email pages' strings in EmailStrings.resx (English) and EmailStrings.zh-Hans.resx.</summary>
public sealed class EmailStrings;
