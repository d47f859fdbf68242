namespace Console.Web.Resources;

/// <summary>Marker for the customer, course and live session page strings in AudienceStrings.resx and AudienceStrings.zh-Hans.resx.</summary>
public sealed class AudienceStrings;
