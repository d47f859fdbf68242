using System.Globalization;
using Console.Domain.Data.Demo;

namespace Console.Domain.Courses;

/// <summary>
/// A category's name in the reader's language: the demo catalogue names its categories in English and Chinese; any
/// other category is shown as the platform sent it.
/// </summary>
public static class CategoryNames
{
    private static readonly Dictionary<string, string> Chinese = DemoCatalogue.Categories
        .Zip(DemoCatalogue.ChineseCategories).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    public static string Name(string category, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" && Chinese.TryGetValue(category, out var zh) ? zh : category;
}
