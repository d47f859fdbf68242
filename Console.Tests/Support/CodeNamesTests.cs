using System.Reflection;
using System.Xml.Linq;
using Console.Domain.Data.Demo;
using Console.Domain.Orders;

namespace Console.Tests.Support;

/// <summary>Every code the console shows (order status, platform, source, demo category) has a name in English and Chinese.</summary>
public sealed class CodeNamesTests
{
    private static readonly string WebDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Console.Web"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    public static TheoryData<string> Codes()
    {
        var statuses = typeof(OrderStatus).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        return new TheoryData<string>(statuses.Select(s => "OrderStatus." + s)
            .Concat(DemoVocabulary.Platforms.Select(p => "Platform." + p))
            .Concat(DemoVocabulary.Sources.Select(s => "Source." + s))
            .Append("CourseStatus.active"));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void A_code_has_a_name_in_both_languages_that_is_not_the_code(string key)
    {
        var code = key[(key.IndexOf('.') + 1)..];
        var en = Read("Strings.resx");
        var zh = Read("Strings.zh-Hans.resx");
        Assert.True(en.TryGetValue(key, out var english), $"no English name for {key}");
        Assert.True(zh.TryGetValue(key, out var chinese), $"no Chinese name for {key}");
        Assert.NotEqual(code, english);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
    }
}
