namespace Console.Web.Resources;

/// <summary>Marker for the KOL partnerships pages' strings in PartnersStrings.resx (English) and PartnersStrings.zh-Hans.resx.</summary>
public sealed class PartnersStrings;
