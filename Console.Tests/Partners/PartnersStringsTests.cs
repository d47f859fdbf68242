using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.Partners;

namespace Console.Tests.Partners;

/// <summary>The KOL pages speak English and Chinese: every key they use, literal or built from a code, exists in both.</summary>
public sealed partial class PartnersStringsTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Both_languages_hold_every_key_the_pages_use_with_the_same_placeholders()
    {
        var en = Read("PartnersStrings.resx");
        var zh = Read("PartnersStrings.zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en, kv => Assert.Equal(Placeholders(kv.Value), Placeholders(zh[kv.Key])));
        Assert.All(zh.Where(kv => kv.Key != "Roi.Roi"), kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));

        var pages = Directory.EnumerateFiles(Path.Combine(WebDir, "Components", "Pages", "Partners"), "*.razor");
        var used = pages.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.True(used.Count > 40, $"only {used.Count} keys found");
        Assert.All(used, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));

        var built = KolWords.Platforms.Select(p => "Platform." + p)
            .Concat(KolWords.Statuses.Select(s => "KolStatus." + s))
            .Concat(KolWords.RateKinds.Select(k => "RateKind." + k))
            .Concat(KolWords.Bindings.Select(b => "Binding." + b))
            .Concat(LineWords.Kinds.Select(k => "LineKind." + k))
            .Concat(LineWords.Statuses.Select(s => "LineStatus." + s))
            .Concat(FraudSignalKinds.All.Select(s => "Signal." + s))
            .Concat(new[] { PayoutStatus.Draft, PayoutStatus.Approved, PayoutStatus.Paid }.Select(s => "PayoutStatus." + s))
            .Concat(["Kol.HoldTitle", "Kol.ReleaseTitle", "Kol.HoldConfirm", "Kol.ReleaseConfirm", "Kol.HeldDone", "Kol.ReleasedDone",
                "Kol.Resume", "Kols.Empty", "Kols.EmptySearch", "Partners.Nav.Kols", "Partners.Nav.Payouts", "Partners.Nav.Roi",
                "Contract.RatePercent", "Contract.RateFlat", "Link.PauseTitle", "Link.ResumeTitle", "Link.PauseConfirm", "Link.ResumeConfirm",
                "Line.HoldTitle", "Line.ReleaseTitle", "Line.HoldConfirm", "Line.ReleaseConfirm", "Payouts.HoldKolTitle", "Payouts.HoldKolConfirm"]);
        Assert.All(built, k => Assert.True(en.ContainsKey(k), $"missing string {k}"));
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex("""\{[0-9]+\}""")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("""K\["([A-Za-z]+\.[A-Za-z.]*[A-Za-z])"[],]""")]
    private static partial Regex Key();
}
