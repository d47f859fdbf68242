using Console.Domain.Admin;

namespace Console.Tests.Admin;

/// <summary>Before/after JSON read as one line per changed field: money in fen kept as money, text unescaped, times in business time.</summary>
public sealed class AuditChangesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void An_update_lists_only_the_fields_that_changed()
    {
        var changes = AuditChanges.Of("""{"role":"Marketer","email":"m@x.io"}""", """{"role":"Manager","email":"m@x.io"}""", Shanghai);

        var change = Assert.Single(changes);
        Assert.Equal(("role", "Marketer", "Manager"), (change.Field, change.Before!.Text, change.After!.Text));
    }

    [Fact]
    public void A_creation_lists_every_field_with_money_in_fen_escaped_text_unescaped_and_times_in_business_time()
    {
        // What System.Text.Json writes for a group-buy campaign named in Chinese: \u escapes and amounts in fen.
        const string after = """
            {"name":"\u4E24\u4EBA\u56E2","groupPrice":9900,"leaderPrice":null,"teamSize":2,"endsAt":"2026-12-31T16:00:00Z","spec":{"minSpend":19900,"categories":["art","\u4E66\u6CD5"]}}
            """;

        var changes = AuditChanges.Of(null, after, Shanghai).ToDictionary(c => c.Field);

        Assert.Equal("两人团", changes["name"].After!.Text);
        Assert.Equal(9900, changes["groupPrice"].After!.Fen);
        Assert.Equal(19900, changes["minSpend"].After!.Fen);
        Assert.Null(changes["teamSize"].After!.Fen);
        Assert.Equal("2", changes["teamSize"].After!.Text);
        Assert.Equal("2027-01-01 00:00", changes["endsAt"].After!.Text);
        Assert.Equal("art, 书法", changes["categories"].After!.Text);
        Assert.False(changes.ContainsKey("leaderPrice"));
        Assert.All(changes.Values, c => Assert.Null(c.Before));
    }

    [Theory]
    [InlineData("groupPrice", true)]
    [InlineData("amount", true)]
    [InlineData("minSpend", true)]
    [InlineData("maxDiscount", true)]
    [InlineData("budget", true)]
    [InlineData("teamSize", false)]
    [InlineData("value", false)]
    public void Money_is_told_by_the_field_name(string field, bool money) => Assert.Equal(money, AuditChanges.IsMoney(field));

    [Fact]
    public void Text_that_is_not_json_still_shows()
    {
        var change = Assert.Single(AuditChanges.Of(null, "not json", Shanghai));
        Assert.Equal("not json", change.After!.Text);
    }
}
