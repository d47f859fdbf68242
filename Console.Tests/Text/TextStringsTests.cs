using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.Text;

namespace Console.Tests.Text;

/// <summary>The text analysis strings are complete in both languages and cover every key the pages ask for.</summary>
public sealed partial class TextStringsTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void English_and_chinese_hold_the_same_keys_with_text()
    {
        var en = Read("TextStrings.resx");
        var zh = Read("TextStrings.zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en.Concat(zh), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        Assert.All(zh, kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }

    [Fact]
    public void Every_key_the_pages_use_exists_including_the_ones_built_from_a_prefix()
    {
        var en = Read("TextStrings.resx");
        var files = Directory.EnumerateFiles(Path.Combine(WebDir, "Components", "Pages", "Text"))
            .Append(Path.Combine(WebDir, "Components", "Layout", "NavCatalog.cs"));
        var used = files.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
        Assert.True(used.Count > 15, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));
        foreach (var label in SentimentLabels.All) Assert.Contains("Text.Label." + label, en.Keys);
        foreach (var language in SentimentLabels.Languages) Assert.Contains("Text.Language." + language, en.Keys);
        foreach (var status in new[] { "active", "rejected", "retired" }) Assert.Contains("Text.Status." + status, en.Keys);
    }

    [GeneratedRegex("""["(](Text\.[A-Za-z.]*)["]""")]
    private static partial Regex Key();
}
