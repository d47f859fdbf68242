namespace Console.Web.Resources;

/// <summary>Marker for the survey strings in SurveysStrings.resx (English) and SurveysStrings.zh-Hans.resx.</summary>
public sealed class SurveysStrings;
