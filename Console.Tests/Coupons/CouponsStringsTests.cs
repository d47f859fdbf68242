using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.Coupons;
using Console.Domain.GroupBuys;

namespace Console.Tests.Coupons;

/// <summary>The promotions pages speak both languages completely: every key they use exists in English and Chinese.</summary>
public sealed partial class CouponsStringsTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void English_and_chinese_hold_the_same_keys_with_the_same_placeholders()
    {
        var en = Read("CouponsStrings.resx");
        var zh = Read("CouponsStrings.zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(zh[kv.Key])));
        Assert.All(zh, kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }

    [Fact]
    public void Every_key_the_pages_use_exists_including_the_ones_built_from_a_prefix()
    {
        var en = Read("CouponsStrings.resx");
        var sources = new[] { "Pages/Coupons", "Pages/GroupBuys", "Shared" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(WebDir, "Components", d)))
            .Append(Path.Combine(WebDir, "Components", "Layout", "NavCatalog.cs"));
        var used = sources.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')).Distinct().ToList();
        Assert.True(used.Count > 80, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));
        foreach (var kind in CouponKinds.All)
            Assert.All(new[] { "Coupons.Kind.", "Coupons.Value.", "Coupons.ValueHelp." }, p => Assert.Contains(p + kind, en.Keys));
        foreach (var audience in Audiences.All) Assert.Contains("Coupons.Audience." + audience, en.Keys);
        foreach (var status in CampaignStatus.All) Assert.All(new[] { "Status.", "Status.To." }, p => Assert.Contains(p + status, en.Keys));
        Assert.All(new[] { "Status.Confirm.paused", "Status.Confirm.ended" }, k => Assert.Contains(k, en.Keys));
        foreach (var state in TeamState.All) Assert.Contains("Teams.State." + state, en.Keys);
        foreach (var figure in new[] { "Uses", "Customers", "NewCustomers", "DiscountGiven", "NetRevenue", "Refunds" })
            Assert.Contains("Results." + figure, en.Keys);
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex("""\{[0-9]+\}""")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("""["]((?:Promotions|Coupons|GroupBuys|Status|Results|Teams|RefundDue|Err)\.[A-Za-z._]*)["]""")]
    private static partial Regex Key();
}
