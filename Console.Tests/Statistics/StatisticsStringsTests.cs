using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.Statistics;
using Console.Tests.Support;
using Console.Web.Api;

namespace Console.Tests.Statistics;

/// <summary>The calculators speak both languages completely, and every code the engine answers with is worded everywhere.</summary>
public sealed partial class StatisticsStringsTests
{
    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Repo.Root, "Console.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static readonly Dictionary<string, string> En = Read("StatisticsStrings.resx");
    private static readonly Dictionary<string, string> Zh = Read("StatisticsStrings.zh-Hans.resx");

    [Fact]
    public void English_and_chinese_hold_the_same_keys_with_the_same_placeholders()
    {
        Assert.Equal(En.Keys.Order(), Zh.Keys.Order());
        Assert.All(En, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(Zh[kv.Key])));
        Assert.All(Zh, kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }

    [Fact]
    public void Every_key_the_page_uses_exists_including_the_ones_built_from_a_prefix()
    {
        var folder = Path.Combine(Repo.Root, "Console.Web", "Components", "Pages", "Statistics");
        var used = Directory.EnumerateFiles(folder).Append(Path.Combine(Repo.Root, "Console.Web", "Components", "Layout", "NavCatalog.cs"))
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
        Assert.True(used.Count > 25, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(En.ContainsKey(k), $"missing string {k}"));
        Assert.All(Console.Web.Components.Pages.Statistics.StatisticsFormat.MdeKinds, k => Assert.Contains("Statistics.Size.MdeKind." + k, En.Keys));
    }

    [Fact]
    public void Every_engine_code_is_a_listed_constant_worded_by_the_api_and_in_both_languages_alike()
    {
        var constants = typeof(StatisticsCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order();
        Assert.Equal(constants, StatisticsCodes.All.Order());
        foreach (var code in StatisticsCodes.All)
        {
            Assert.True(StatisticsErrorText.Knows(code), $"no API English for {code}");
            var api = StatisticsErrorText.English(new Console.Domain.Data.FieldError("f", code, "<0>", "<1>"));
            Assert.True(En.TryGetValue("Err." + code, out var english), $"no English for {code}");
            Assert.Equal(Indexes(AngleArg(), api), Indexes(BraceArg(), english));
            Assert.Equal(Placeholders(english), Placeholders(Zh["Err." + code]));
        }
        Assert.All(En.Keys.Where(k => k.StartsWith("Err.", StringComparison.Ordinal)), k => Assert.Contains(k[4..], StatisticsCodes.All));
    }

    private static string[] Placeholders(string text) => BraceArg().Matches(text).Select(m => m.Value).Order().ToArray();

    private static string[] Indexes(Regex pattern, string text) => pattern.Matches(text).Select(m => m.Groups[1].Value).Distinct().Order().ToArray();

    [GeneratedRegex("""\{([0-9]+)(?::[^}]*)?\}""")]
    private static partial Regex BraceArg();

    [GeneratedRegex("<([0-9]+)>")]
    private static partial Regex AngleArg();

    [GeneratedRegex("""["]((?:Statistics|Err)\.[A-Za-z._]*)["]""")]
    private static partial Regex Key();
}
