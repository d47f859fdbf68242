namespace Console.Tests.Segments;

/// <summary>Every field and operator of the catalogue selects exactly the customers the hand-built store says it should.</summary>
public sealed class SegmentFieldTests(SegmentShop shop) : IClassFixture<SegmentShop>
{
    private static string C(string field, string op, string? value = null) =>
        value is null ? $$"""{"all":[{"field":"{{field}}","op":"{{op}}"}]}""" : $$"""{"all":[{"field":"{{field}}","op":"{{op}}","value":{{value}}}]}""";

    [Theory]
    // Refunded orders are no purchase; partly refunded ones are.
    [InlineData("purchased_course", "in", """["py"]""", "ann,dan")]
    [InlineData("purchased_course", "in", """["ps"]""", "dan")]
    [InlineData("purchased_course", "not_in", """["py"]""", "bob,cai,eve")]
    [InlineData("purchased_course", "any", null, "ann,bob,dan")]
    [InlineData("purchased_course", "none", null, "cai,eve")]
    [InlineData("purchased_category", "in", """["programming"]""", "ann,bob,dan")]
    [InlineData("purchased_category", "not_in", """["design"]""", "ann,bob,cai,eve")]
    [InlineData("purchased_category", "any", null, "ann,bob,dan")]
    [InlineData("purchased_category", "none", null, "cai,eve")]
    [InlineData("orders", "eq", "0", "cai,eve")]
    [InlineData("orders", "ne", "1", "cai,dan,eve")]
    [InlineData("orders", "gt", "0", "ann,bob,dan")]
    [InlineData("orders", "gte", "2", "dan")]
    [InlineData("orders", "lt", "1", "cai,eve")]
    [InlineData("orders", "lte", "1", "ann,bob,cai,eve")]
    [InlineData("net_spent", "gte", "100.00", "ann,dan")]
    [InlineData("net_spent", "lt", "60.01", "bob,cai,eve")]
    [InlineData("net_spent", "eq", "60", "bob")]
    [InlineData("net_spent", "ne", "0", "ann,bob,dan")]
    [InlineData("net_spent", "gt", "100", "dan")]
    [InlineData("net_spent", "lte", "0", "cai,eve")]
    // Ann paid at 04:00 Shanghai today (20:00 UTC yesterday): 0 business days ago.
    [InlineData("last_order_days", "lte", "0", "ann")]
    [InlineData("last_order_days", "gte", "45", "bob,dan")]
    [InlineData("last_order_days", "eq", "45", "bob")]
    [InlineData("last_order_days", "gt", "45", "dan")]
    [InlineData("last_order_days", "lt", "45", "ann")]
    [InlineData("last_order_days", "ne", "45", "ann,dan")]
    // Bob's 60 minutes on 1 May are outside the 30 days; 1,799 seconds are 29 whole minutes.
    [InlineData("watch_minutes_30d", "gte", "30", "ann")]
    [InlineData("watch_minutes_30d", "eq", "29", "bob")]
    [InlineData("watch_minutes_30d", "lt", "30", "bob,cai,dan,eve")]
    [InlineData("watch_minutes_30d", "eq", "0", "cai,dan,eve")]
    [InlineData("watch_minutes_30d", "gt", "29", "ann")]
    [InlineData("watch_minutes_30d", "lte", "29", "bob,cai,dan,eve")]
    [InlineData("watch_minutes_30d", "ne", "0", "ann,bob")]
    [InlineData("live_interactions_30d", "gte", "2", "dan")]
    [InlineData("live_interactions_30d", "eq", "0", "bob,cai,eve")]
    [InlineData("live_interactions_30d", "gt", "0", "ann,dan")]
    [InlineData("live_interactions_30d", "ne", "1", "bob,cai,dan,eve")]
    [InlineData("live_interactions_30d", "lt", "2", "ann,bob,cai,eve")]
    [InlineData("live_interactions_30d", "lte", "0", "bob,cai,eve")]
    [InlineData("attended_live_session", "in", """["s1"]""", "ann")]
    [InlineData("attended_live_session", "in", """["s2"]""", "bob,dan")]
    [InlineData("attended_live_session", "any", null, "ann,bob,dan")]
    [InlineData("attended_live_session", "none", null, "cai,eve")]
    [InlineData("attended_live_session", "not_in", """["s1"]""", "bob,cai,dan,eve")]
    [InlineData("city", "eq", "\"Shanghai\"", "ann,dan")]
    [InlineData("city", "ne", "\"Shanghai\"", "bob,cai,eve")]
    [InlineData("city", "in", """["Beijing","Hangzhou"]""", "bob,eve")]
    [InlineData("city", "not_in", """["Shanghai"]""", "bob,cai,eve")]
    [InlineData("source", "eq", "\"kol\"", "bob")]
    [InlineData("source", "in", """["douyin"]""", "ann,eve")]
    [InlineData("source", "ne", "\"douyin\"", "bob,cai,dan")]
    [InlineData("source", "not_in", """["douyin","kol"]""", "cai,dan")]
    [InlineData("email_opt_in", "is", "true", "ann,cai,eve")]
    [InlineData("email_opt_in", "is", "false", "bob,dan")]
    // The latest answer counts: Ann went from 3 to 9, Dan from 10 to 2; Eve's answer holds no score.
    [InlineData("nps_category", "in", """["detractor"]""", "dan")]
    [InlineData("nps_category", "in", """["promoter","passive"]""", "ann,bob")]
    [InlineData("nps_category", "not_in", """["detractor"]""", "ann,bob,cai,eve")]
    [InlineData("propensity", "gte", "0.55", "ann,dan")]
    [InlineData("propensity", "lt", "0.55", "bob")]
    [InlineData("propensity", "gt", "0.8", "")]
    [InlineData("propensity", "lte", "0.3", "bob")]
    [InlineData("referred_by_kol", "in", """["kol-a"]""", "bob")]
    [InlineData("referred_by_kol", "any", null, "bob,dan")]
    [InlineData("referred_by_kol", "none", null, "ann,cai,eve")]
    [InlineData("referred_by_kol", "not_in", """["kol-b"]""", "ann,bob,cai,eve")]
    // Dan's redemption was reversed by a refund.
    [InlineData("used_coupon_campaign", "in", "[1]", "ann")]
    [InlineData("used_coupon_campaign", "any", null, "ann,bob")]
    [InlineData("used_coupon_campaign", "none", null, "cai,dan,eve")]
    [InlineData("used_coupon_campaign", "not_in", "[2]", "ann,cai,dan,eve")]
    [InlineData("experiment_variant", "in", """["exp:treat"]""", "bob")]
    [InlineData("experiment_variant", "any", null, "ann,bob")]
    [InlineData("experiment_variant", "none", null, "cai,dan,eve")]
    [InlineData("experiment_variant", "not_in", """["exp:control"]""", "bob,cai,dan,eve")]
    // Eve signed up at 01:00 Shanghai today (17:00 UTC yesterday): 0 business days.
    [InlineData("created_days", "eq", "0", "cai,eve")]
    [InlineData("created_days", "lte", "5", "ann,cai,eve")]
    [InlineData("created_days", "gt", "5", "bob,dan")]
    [InlineData("created_days", "gte", "5", "ann,bob,dan")]
    [InlineData("created_days", "lt", "5", "cai,eve")]
    [InlineData("created_days", "ne", "0", "ann,bob,dan")]
    public async Task Each_field_and_operator_selects_exactly_the_expected_customers(string field, string op, string? value, string expected)
    {
        var members = await shop.MembersAsync(C(field, op, value));
        Assert.Equal(expected, string.Join(",", members));
    }

    [Fact]
    public void Every_field_and_operator_of_the_catalogue_is_covered_above()
    {
        var covered = typeof(SegmentFieldTests).GetMethod(nameof(Each_field_and_operator_selects_exactly_the_expected_customers))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => a.GetData(null!).Single()).Select(d => $"{d[0]}:{d[1]}").ToHashSet();
        foreach (var field in Console.Domain.Segments.SegmentFields.All)
            foreach (var op in field.Ops)
                Assert.Contains($"{field.Code}:{op}", covered);
    }

    [Fact]
    public async Task Groups_nest_all_and_any()
    {
        // (Shanghai and bought Python) or (opted in and never bought): Ann, Dan by the first; Cai, Eve by the second.
        Assert.Equal(["ann", "cai", "dan", "eve"], await shop.MembersAsync("""
            {"any":[
              {"all":[{"field":"city","op":"eq","value":"Shanghai"},{"field":"purchased_course","op":"in","value":["py"]}]},
              {"all":[{"field":"email_opt_in","op":"is","value":true},{"field":"orders","op":"eq","value":0}]}
            ]}
            """));
        Assert.Equal(["eve"], await shop.MembersAsync("""
            {"all":[{"field":"email_opt_in","op":"is","value":true},
                    {"any":[{"field":"city","op":"eq","value":"Hangzhou"},{"all":[{"any":[{"field":"source","op":"eq","value":"nowhere"}]}]}]}]}
            """));
    }

    [Fact]
    public async Task Contains_answers_for_one_customer_what_the_member_list_says()
    {
        var rule = shop.Rule("""{"all":[{"field":"watch_minutes_30d","op":"gte","value":29},{"field":"purchased_course","op":"none"}]}""");
        await using var read = await shop.Runner.ReadAsync(CancellationToken.None);
        var ids = await shop.Queries.IdsAsync(read, rule, CancellationToken.None);
        Assert.Empty(ids);
        var watched = shop.Rule("""{"all":[{"field":"watch_minutes_30d","op":"gte","value":29}]}""");
        Assert.Equal([1L, 2L], await shop.Queries.IdsAsync(read, watched, CancellationToken.None));
        foreach (var id in Enumerable.Range(1, 5))
            Assert.Equal(id <= 2, await shop.Queries.ContainsAsync(read, watched, id, CancellationToken.None));
        var preview = await shop.Queries.PreviewAsync(read, watched, 1, CancellationToken.None);
        Assert.Equal(2, preview.Size);
        Assert.Equal("bob", Assert.Single(preview.Sample).ExternalId);
    }
}
