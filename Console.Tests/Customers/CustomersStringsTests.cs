using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.Customers;
using Console.Domain.LiveSessions;

namespace Console.Tests.Customers;

/// <summary>The customer, course and live session strings are complete in both languages and cover every key the pages ask for.</summary>
public sealed partial class CustomersStringsTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void English_and_chinese_hold_the_same_keys_with_text_and_placeholders()
    {
        var en = Read("CustomersStrings.resx");
        var zh = Read("CustomersStrings.zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en.Concat(zh), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        Assert.All(en, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(zh[kv.Key])));
        Assert.All(zh, kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }

    [Fact]
    public void Every_key_the_pages_and_navigation_use_exists()
    {
        var en = Read("CustomersStrings.resx");
        var files = new[] { "Customers", "Courses", "LiveSessions" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(WebDir, "Components", "Pages", d)))
            .Append(Path.Combine(WebDir, "Components", "Layout", "NavCatalog.cs"));
        var used = files.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
        Assert.True(used.Count > 80, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));
        // Keys built at run time from a prefix: every value they can take.
        foreach (var sort in Enum.GetNames<CustomerSort>()) Assert.Contains("Customers.Sort." + sort, en.Keys);
        foreach (var sort in Enum.GetNames<LiveSessionSort>()) Assert.Contains("Sessions.Sort." + sort, en.Keys);
        foreach (var type in new[] { "page_view", "watch", "chat", "question", "poll_vote", "like", "share", "lottery_join", "coupon_claim", "add_to_cart" })
            Assert.Contains("Event." + type, en.Keys);
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex("""\{[0-9]+\}""")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("""["(]((?:Audience|Money|Customers|Customer|Status|Event|Courses|Course|Sessions|Session)\.[A-Za-z.]*)["]""")]
    private static partial Regex Key();
}
