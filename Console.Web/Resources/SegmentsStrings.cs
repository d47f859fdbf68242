namespace Console.Web.Resources;

/// <summary>Marker for the segments pages' strings in SegmentsStrings.resx (English) and SegmentsStrings.zh-Hans.resx.</summary>
public sealed class SegmentsStrings;
