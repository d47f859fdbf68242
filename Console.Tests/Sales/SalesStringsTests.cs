using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.Sales;

namespace Console.Tests.Sales;

/// <summary>The sales strings are complete in both languages and every key the sales components use exists.</summary>
public sealed partial class SalesStringsTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void English_and_chinese_hold_the_same_keys_all_with_text_and_placeholders()
    {
        var en = Read("SalesStrings.resx");
        var zh = Read("SalesStrings.zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en.Concat(zh), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        Assert.All(en, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(zh[kv.Key])));
        Assert.All(zh, kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }

    [Fact]
    public void Every_key_the_sales_components_and_navigation_use_exists()
    {
        var en = Read("SalesStrings.resx");
        var files = Directory.EnumerateFiles(Path.Combine(WebDir, "Components"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        var used = files.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
        Assert.True(used.Count > 20, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));
        // Keys built at run time.
        foreach (var preset in Enum.GetNames<PeriodPreset>()) Assert.Contains("Sales.Period." + preset, en.Keys);
        foreach (var kpi in new[] { "NetRevenue", "Orders", "PayingCustomers", "AverageOrderValue", "RefundRate", "LiveConversion" })
        {
            Assert.Contains("Sales.Kpi." + kpi, en.Keys);
            Assert.Contains("Sales.Kpi." + kpi + ".Help", en.Keys);
        }
        foreach (var step in new[] { "Viewers", "Engaged", "Buyers" }) Assert.Contains("Sales.Funnel." + step, en.Keys);
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex("""\{[0-9]+\}""")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("""["(](Sales\.[A-Za-z.]*)["]""")]
    private static partial Regex Key();
}
