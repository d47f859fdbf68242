using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.GroupBuys;
using Console.Web.Components.Pages.Orders;

namespace Console.Tests.Orders;

/// <summary>The orders pages' strings are complete in both languages and cover every key the pages ask for.</summary>
public sealed partial class OrdersStringsTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void English_and_chinese_hold_the_same_keys_with_text_and_placeholders()
    {
        var en = Read("OrdersStrings.resx");
        var zh = Read("OrdersStrings.zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en.Concat(zh), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        Assert.All(en, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(zh[kv.Key])));
        Assert.All(zh, kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }

    [Fact]
    public void Every_key_the_pages_and_navigation_use_exists_and_every_status_and_team_state_has_a_name()
    {
        var en = Read("OrdersStrings.resx");
        var files = Directory.EnumerateFiles(Path.Combine(WebDir, "Components", "Pages", "Orders"))
            .Append(Path.Combine(WebDir, "Components", "Layout", "NavCatalog.cs"));
        var used = files.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
        Assert.True(used.Count > 40, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));
        // Keys built at run time from a prefix: every value they can take.
        foreach (var status in OrderNames.Statuses) Assert.Contains("Status." + status, en.Keys);
        foreach (var state in TeamState.All) Assert.Contains("Team." + state, en.Keys);
        foreach (var kind in new[] { "coupon", "group_buy" }) Assert.Contains("Order.Discount." + kind, en.Keys);
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex("""\{[0-9]+\}""")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("""["(]((?:Orders|Order)\.[A-Za-z.]*)["]""")]
    private static partial Regex Key();
}
