namespace Console.Web.Resources;

/// <summary>Marker for the recommendation strings in RecommendationsStrings.resx (English) and RecommendationsStrings.zh-Hans.resx.</summary>
public sealed class RecommendationsStrings;
