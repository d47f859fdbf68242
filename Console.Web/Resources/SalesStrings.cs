namespace Console.Web.Resources;

/// <summary>Marker for the sales dashboard strings in SalesStrings.resx (English) and SalesStrings.zh-Hans.resx.</summary>
public sealed class SalesStrings;
