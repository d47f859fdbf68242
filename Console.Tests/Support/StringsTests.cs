using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Console.Tests.Support;

/// <summary>Both languages are complete: every key the components use exists in English and Chinese, with text.</summary>
public sealed partial class StringsTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void English_and_chinese_hold_the_same_keys_all_with_text()
    {
        var en = Read("Strings.resx");
        var zh = Read("Strings.zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en.Concat(zh), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        // Placeholders must match, or one language would drop a value.
        Assert.All(en, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(zh[kv.Key])));
        Assert.All(zh, kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }

    [Fact]
    public void Every_literal_key_in_the_components_and_navigation_exists()
    {
        var en = Read("Strings.resx");
        var sources = Directory.EnumerateFiles(Path.Combine(WebDir, "Components"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        var used = sources.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
        Assert.True(used.Count > 50, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));
        // Keys built at run time from a prefix: every value they can take.
        foreach (var role in Console.Domain.Admin.Roles.All) Assert.Contains("Role." + role, en.Keys);
        foreach (var result in Enum.GetNames<Console.Domain.Admin.UserChangeResult>()) Assert.Contains("Users.Result." + result, en.Keys);
        Assert.Contains("Keys.Scope.ingest", en.Keys);
        Assert.Contains("Keys.Scope.manage", en.Keys);
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex("""\{[0-9]+\}""")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("""["(]((?:App|Nav|Role|Shell|Common|SignIn|Denied|NotFound|Home|Users|Valid|Keys|Audit)\.[A-Za-z.]*)["]""")]
    private static partial Regex Key();
}
