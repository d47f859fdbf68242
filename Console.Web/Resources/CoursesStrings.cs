namespace Console.Web.Resources;

/// <summary>Marker for the course pages' strings in CoursesStrings.resx (English) and CoursesStrings.zh-Hans.resx.</summary>
public sealed class CoursesStrings;
