namespace Console.Web.Resources;

/// <summary>Marker for the consent strings in ConsentStrings.resx (English) and ConsentStrings.zh-Hans.resx.</summary>
public sealed class ConsentStrings;
