using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Console.Tests.Support;

/// <summary>The console's resource files and the literal string keys its components ask for.</summary>
public static partial class ResourceFiles
{
    public static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    /// <summary>The base names of every resource file pair, e.g. "CouponsStrings".</summary>
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Path.Combine(WebDir, "Resources"), "*.resx")
            .Select(Path.GetFileNameWithoutExtension).Where(n => !n!.Contains('.')).Select(n => n!).Order();

    public static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    public static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    /// <summary>The files of the named folders under Components, plus the navigation catalog that names the menu entries.</summary>
    public static IEnumerable<string> Components(params string[] folders) =>
        folders.SelectMany(d => Directory.EnumerateFiles(Path.Combine(WebDir, "Components", d)))
            .Append(Path.Combine(WebDir, "Components", "Layout", "NavCatalog.cs"));

    /// <summary>Every razor and C# file under Components.</summary>
    public static IEnumerable<string> AllComponents() =>
        Directory.EnumerateFiles(Path.Combine(WebDir, "Components"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));

    /// <summary>Every complete key in quotes that starts with one of the prefixes; a key ending in a dot is built at run time.</summary>
    public static List<string> KeysUsed(IEnumerable<string> files, params string[] prefixes)
    {
        var key = new Regex($"""["(]((?:{string.Join('|', prefixes)})\.[A-Za-z._]*)["]""");
        return files.SelectMany(f => key.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
    }

    /// <summary>Asserts that every key used exists in the English file, and that enough were found to mean something.</summary>
    public static void AssertAllExist(IReadOnlyDictionary<string, string> english, IReadOnlyCollection<string> used, int atLeast)
    {
        Assert.True(used.Count >= atLeast, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(english.ContainsKey(k), $"missing string {k}"));
    }

    [GeneratedRegex("""\{[0-9]+\}""")]
    private static partial Regex PlaceholderPattern();
}
