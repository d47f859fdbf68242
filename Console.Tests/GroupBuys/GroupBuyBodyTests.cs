using Console.Tests.Coupons;

namespace Console.Tests.GroupBuys;

/// <summary>Group-buy campaign bodies refused while read name the field and store nothing.</summary>
public sealed class GroupBuyBodyTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    [Theory]
    [InlineData("""{"name":"T","courseExternalId":"c-art-199","teamSize":"three","groupPrice":99,"teamWindowMinutes":60}""", "teamSize", "Must be a whole number.")]
    [InlineData("""{"name":"T","courseExternalId":"c-art-199","teamSize":3,"groupPrice":1e28,"teamWindowMinutes":60}""", "groupPrice", "Is out of range.")]
    [InlineData("""{"name":"T","courseExternalId":"c-art-199","teamSize":3,"groupPrice":99,"teamWindowMinutes":1e400}""", "teamWindowMinutes", "Must be a whole number from -9223372036854775808 to 9223372036854775807.")]
    [InlineData("""{"name":"T","courseExternalId":"c-art-199","teamSize":3,"groupPrice":99,"teamWindowMinutes":60,"leadPrice":89}""", "leadPrice", "Unknown field; did you mean 'leaderPrice'?")]
    [InlineData("""{"name":"T","courseExternalId":{"id":"c-art-199"},"teamSize":3,"groupPrice":99,"teamWindowMinutes":60}""", "courseExternalId", "Must be a string.")]
    public async Task A_refused_campaign_body_names_the_field_and_stores_nothing(string json, string field, string message)
    {
        var before = await f.ScalarAsync("SELECT COUNT(*) FROM group_buy_campaigns");
        using var response = await f.Manage.PostJsonAsync("/api/v1/group-buy-campaigns", json);
        Assert.Equal([message], await ProblemAssert.FieldAsync(response, field));
        Assert.Equal(before, await f.ScalarAsync("SELECT COUNT(*) FROM group_buy_campaigns"));
    }
}
