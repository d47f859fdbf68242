namespace Console.Web.Resources;

/// <summary>Marker for the reports page strings in ReportsStrings.resx (English) and ReportsStrings.zh-Hans.resx.</summary>
public sealed class ReportsStrings;
