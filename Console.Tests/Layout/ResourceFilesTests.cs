using Console.Tests.Support;

namespace Console.Tests.Layout;

/// <summary>Every resource file speaks both languages completely: the same keys, text in each, the same placeholders.</summary>
public sealed class ResourceFilesTests
{
    public static TheoryData<string> Names() => new(ResourceFiles.Names());

    [Fact]
    public void Each_capability_has_its_own_file()
    {
        var names = ResourceFiles.Names().ToList();
        foreach (var capability in new[] { "Customers", "Courses", "LiveSessions", "Orders", "Sales", "Coupons", "GroupBuys" })
            Assert.Contains(capability + "Strings", names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void English_and_chinese_hold_the_same_keys_with_text_and_placeholders(string name)
    {
        var en = ResourceFiles.Read(name + ".resx");
        var zh = ResourceFiles.Read(name + ".zh-Hans.resx");
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.All(en.Concat(zh), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        // Placeholders must match, or one language would drop a value.
        Assert.All(en, kv => Assert.Equal(ResourceFiles.Placeholders(kv.Value), ResourceFiles.Placeholders(zh[kv.Key])));
        // A text with words is translated; a sign such as ">=" reads the same in both.
        Assert.All(zh.Where(kv => en[kv.Key].Any(char.IsLetter)), kv => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kv.Value));
    }
}
