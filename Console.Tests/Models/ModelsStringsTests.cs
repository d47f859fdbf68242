using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.Models;

namespace Console.Tests.Models;

/// <summary>The models, propensity and what-if strings are complete in both languages and cover every key the components ask for.</summary>
public sealed partial class ModelsStringsTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void English_and_chinese_hold_the_same_keys_with_text_and_placeholders()
    {
        var en = Read("ModelsStrings.resx");
        var zh = Read("ModelsStrings.zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en.Concat(zh), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        Assert.All(en, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(zh[kv.Key])));
        Assert.All(zh, kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }

    [Fact]
    public void Every_key_the_components_use_exists_including_those_built_from_codes()
    {
        var en = Read("ModelsStrings.resx");
        var files = Directory.EnumerateFiles(Path.Combine(WebDir, "Components", "Pages", "Models"))
            .Append(Path.Combine(WebDir, "Components", "Layout", "NavCatalog.cs"));
        var used = files.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
        Assert.True(used.Count > 40, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));
        foreach (var name in PropensityFeatures.Names) Assert.Contains("Models.Feature." + name, en.Keys);
        foreach (var name in InteractionModel.FeatureNames) Assert.Contains("Models.Interaction." + name, en.Keys);
        foreach (var kind in PlannedActionKinds.All) Assert.Contains("WhatIf.Kind." + kind, en.Keys);
        foreach (var verdict in new[] { "raises", "lowers", "unclear" }) Assert.Contains("WhatIf.Verdict." + verdict, en.Keys);
        foreach (var status in new[] { ModelStatus.Active, ModelStatus.Candidate, ModelStatus.Retired }) Assert.Contains("Models.Status." + status, en.Keys);
        foreach (var kind in new[] { ModelKinds.Propensity, ModelKinds.Interaction }) Assert.Contains("Models.Kind." + kind, en.Keys);
        foreach (var status in new[] { "done", "failed", "running" }) Assert.Contains("Models.LastRun." + status, en.Keys);
        foreach (var algorithm in new[] { PropensityModel.Linear, PropensityModel.Trees }) Assert.Contains("Models.Algorithm." + algorithm, en.Keys);
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex("""\{[0-9]+\}""")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("""["(]((?:Models|Propensity|WhatIf)\.[A-Za-z0-9_.]*)["]""")]
    private static partial Regex Key();
}
