using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Console.Web.Api;

namespace Console.Tests.Data;

/// <summary>
/// Every code the domain can answer with is worded: in English by the API's table, and in English and Chinese by the
/// console's resources, with the same placeholders everywhere so no argument is dropped.
/// </summary>
public sealed partial class ErrorCodesTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));

    private static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(Path.Combine(Root, "Console.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static readonly string[] RefusalCodes = [.. OrderRefusals.All, .. CouponRefusals.All, .. GroupBuyRefusals.All];

    [Fact]
    public void The_list_of_field_codes_holds_every_code_constant_once()
    {
        var constants = typeof(FieldCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order().ToArray();
        Assert.Equal(constants, FieldCodes.All.Order());
        Assert.Equal(FieldCodes.All.Length, FieldCodes.All.Distinct().Count());
        Assert.All(FieldCodes.All.Concat(RefusalCodes), c => Assert.Matches("^[a-z][a-z0-9_]*$", c));
    }

    [Fact]
    public void Every_field_code_is_translated_in_english_and_chinese_with_the_apis_placeholders()
    {
        var en = Resources("Strings.resx");
        var zh = Resources("Strings.zh-Hans.resx");
        foreach (var code in FieldCodes.All)
        {
            var key = "Err." + code;
            Assert.True(en.TryGetValue(key, out var english) && english.Length > 0, $"no English for {key}");
            Assert.True(zh.TryGetValue(key, out var chinese) && chinese.Length > 0, $"no Chinese for {key}");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
            var api = Indexes(AngleArg(), ErrorText.English(code, Markers));
            Assert.Equal(api, Indexes(BraceArg(), english));
            Assert.Equal(api, Indexes(BraceArg(), chinese));
        }
        // A translation of a code the domain no longer produces is dead text.
        Assert.All(en.Keys.Where(k => k.StartsWith("Err.", StringComparison.Ordinal)), k => Assert.Contains(k[4..], FieldCodes.All));
    }

    [Fact]
    public void Every_field_and_refusal_code_has_the_apis_english()
    {
        Assert.All(FieldCodes.All.Concat(RefusalCodes), c => Assert.True(ErrorText.Knows(c), $"no English for {c}"));
        Assert.Equal("Team 7 is full.", ErrorText.English(GroupBuyRefusals.TeamFull, [7L]));
        Assert.Equal("Refunding 12.50 would exceed what is left to refund (3.00).",
            ErrorText.English(OrderRefusals.RefundExceedsPaid, [12.5m, 3m]));
    }

    [Fact]
    public void The_domain_reports_field_errors_by_code_never_by_sentence()
    {
        var sentences = Directory.EnumerateFiles(Path.Combine(Root, "Console.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => SentenceAdd().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.Empty(sentences);
    }

    private static readonly object[] Markers = ["<0>", "<1>", "<2>", "<3>"];

    /// <summary>The argument indexes a text uses, e.g. "between {0} and {1}" gives 0 and 1.</summary>
    private static string[] Indexes(Regex pattern, string text) =>
        pattern.Matches(text).Select(m => m.Groups[1].Value).Distinct().Order().ToArray();

    [GeneratedRegex("""\{([0-9]+)(?::[^}]*)?\}""")]
    private static partial Regex BraceArg();

    [GeneratedRegex("<([0-9]+)>")]
    private static partial Regex AngleArg();

    // fields.Add("field", "Some sentence.") or with an interpolated string: what the codes replaced.
    [GeneratedRegex("""\.Add\("[A-Za-z.]+",\s*\$?"[^"]*[ .]""")]
    private static partial Regex SentenceAdd();
}
