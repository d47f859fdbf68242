namespace Console.Web.Resources;

/// <summary>Marker for the calculators' strings in StatisticsStrings.resx (English) and StatisticsStrings.zh-Hans.resx.</summary>
public sealed class StatisticsStrings;
