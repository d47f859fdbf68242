using Console.Domain.Customers;
using Console.Domain.Data;

namespace Console.Tests.Customers;

public sealed class CustomerQueryTests(SampleShopStore fixture) : IClassFixture<SampleShopStore>
{
    private readonly CustomerList _list = new(fixture.Store.Db, new BusinessTime(new BusinessOptions()), fixture.Store.PersonalData);

    [Fact]
    public async Task The_grid_opens_on_the_most_valuable_buyers_with_each_customers_orders_and_net_revenue()
    {
        var page = await _list.QueryAsync(new CustomerQuery(), 0, 10);
        Assert.Equal(5, page.Total);
        Assert.Equal(["Ann", "Bob", "Cai", "Eve", "Dee"], page.Rows.Select(r => r.Name));
        Assert.Equal([2L, 2, 2, 1, 0], page.Rows.Select(r => r.Orders));
        Assert.Equal([23000L, 16000, 10500, 10000, 0], page.Rows.Select(r => r.NetRevenue));
        Assert.True(page.Rows.Single(r => r.Name == "Ann").EmailOptIn);
        Assert.False(page.Rows.Single(r => r.Name == "Bob").EmailOptIn);

        var second = await _list.QueryAsync(new CustomerQuery(), 1, 2);
        Assert.Equal(5, second.Total);
        Assert.Equal(["Bob", "Cai"], second.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Revenue_and_orders_rank_both_ways_with_ties_broken_by_the_other_figure()
    {
        var lowest = await _list.QueryAsync(new CustomerQuery(Sort: CustomerSort.Revenue, Descending: false), 0, 10);
        Assert.Equal(["Dee", "Eve", "Cai", "Bob", "Ann"], lowest.Rows.Select(r => r.Name));
        // Ann, Bob and Cai have two orders each: the larger net revenue goes first.
        var most = await _list.QueryAsync(new CustomerQuery(Sort: CustomerSort.Orders), 0, 10);
        Assert.Equal(["Ann", "Bob", "Cai", "Eve", "Dee"], most.Rows.Select(r => r.Name));
        var fewest = await _list.QueryAsync(new CustomerQuery(Sort: CustomerSort.Orders, Descending: false), 0, 3);
        Assert.Equal(["Dee", "Eve", "Cai"], fewest.Rows.Select(r => r.Name));
        var newest = await _list.QueryAsync(new CustomerQuery(Sort: CustomerSort.FirstSeen), 0, 10);
        Assert.Equal(["Eve", "Dee", "Cai", "Bob", "Ann"], newest.Rows.Select(r => r.Name));
        Assert.Equal([1L, 0, 2, 2, 2], newest.Rows.Select(r => r.Orders));
    }

    [Fact]
    public async Task A_range_of_business_days_counts_only_the_orders_paid_in_it()
    {
        // 1 March in Shanghai ends at 16:00 UTC: Ann's two orders and Eve's fall in it, Bob's of 2 March does not.
        var first = new DayRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1));
        var ranked = await _list.QueryAsync(new CustomerQuery(Days: first), 0, 10);
        Assert.Equal(5, ranked.Total);
        Assert.Equal(["Ann", "Eve", "Dee", "Cai", "Bob"], ranked.Rows.Select(r => r.Name));
        Assert.Equal([(2L, 23000L), (1L, 10000L), (0L, 0L), (0L, 0L), (0L, 0L)], ranked.Rows.Select(r => (r.Orders, r.NetRevenue)));

        var byName = await _list.QueryAsync(new CustomerQuery(Sort: CustomerSort.Name, Descending: false, Days: first), 0, 10);
        Assert.Equal(["Ann", "Bob", "Cai", "Dee", "Eve"], byName.Rows.Select(r => r.Name));
        Assert.Equal([23000L, 0, 0, 0, 10000], byName.Rows.Select(r => r.NetRevenue));

        var later = await _list.QueryAsync(new CustomerQuery(Days: new DayRange(new DateOnly(2026, 3, 2), null)), 0, 10);
        // Without orders in the range, customers tie at zero and the newest comes first.
        Assert.Equal(["Bob", "Cai", "Eve", "Dee", "Ann"], later.Rows.Select(r => r.Name));
        Assert.Equal([16000L, 10500, 0, 0, 0], later.Rows.Select(r => r.NetRevenue));
    }

    [Fact]
    public async Task Search_matches_part_of_a_name_city_or_external_id_or_a_whole_email_and_sorts_as_asked()
    {
        var shanghai = await _list.QueryAsync(new CustomerQuery("SHANGHAI", CustomerSort.Name, Descending: false), 0, 10);
        Assert.Equal(2, shanghai.Total);
        Assert.Equal(["Ann", "Cai"], shanghai.Rows.Select(r => r.Name));
        // Addresses are sealed, so an address is found whole, in any case, and a part of one finds nobody.
        var bob = await _list.QueryAsync(new CustomerQuery(" BOB@x.io "), 0, 10);
        Assert.Equal(("Bob", "bob@x.io"), (Assert.Single(bob.Rows).Name, bob.Rows[0].Email));
        Assert.Equal(0, (await _list.QueryAsync(new CustomerQuery("bob@"), 0, 10)).Total);
        Assert.Equal("Dee", Assert.Single((await _list.QueryAsync(new CustomerQuery("C4"), 0, 10)).Rows).Name);
        var none = await _list.QueryAsync(new CustomerQuery("100%"), 0, 10);
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Rows);
        var byCity = await _list.QueryAsync(new CustomerQuery(null, CustomerSort.City, Descending: false), 0, 10);
        Assert.Equal(["Beijing", "Chengdu", "Hangzhou", "Shanghai", "Shanghai"], byCity.Rows.Select(r => r.City));
        var cityDown = await _list.QueryAsync(new CustomerQuery(null, CustomerSort.City), 0, 10);
        Assert.Equal(["Shanghai", "Shanghai", "Hangzhou", "Chengdu", "Beijing"], cityDown.Rows.Select(r => r.City));
        var oldest = await _list.QueryAsync(new CustomerQuery(null, CustomerSort.FirstSeen, Descending: false), 0, 1);
        Assert.Equal("Ann", Assert.Single(oldest.Rows).Name);
    }

    [Fact]
    public async Task The_profile_has_totals_consent_and_activity()
    {
        var profile = new CustomerProfile(fixture.Store.Db, fixture.Store.PersonalData);
        var ann = await profile.GetAsync(1);
        Assert.NotNull(ann);
        Assert.Equal(("Ann", "ann@x.io", "Shanghai", "douyin"), (ann.Name, ann.Email, ann.City, ann.Source));
        Assert.True(ann.EmailOptIn);
        Assert.Equal((2L, 28000L, 5000L, 23000L), (ann.Orders, ann.Gross, ann.Refunded, ann.NetRevenue));
        Assert.Equal(SampleShop.At(1, 12, 30, 0), ann.FirstOrderAt);
        Assert.Equal(SampleShop.At(1, 12, 45, 0), ann.LastOrderAt);
        Assert.Equal(5, ann.Events);
        Assert.Equal(SampleShop.At(1, 12, 5, 0), ann.LastEventAt);

        var dee = await profile.GetAsync(4);
        Assert.NotNull(dee);
        Assert.Equal((0L, 0L, 1L), (dee.Orders, dee.NetRevenue, dee.Events));
        Assert.Null(dee.LastOrderAt);
        Assert.Null(await profile.GetAsync(99));
    }

    [Fact]
    public async Task The_timeline_merges_events_and_orders_newest_first_page_by_page()
    {
        var timeline = new CustomerTimeline(fixture.Store.Db);
        var first = await timeline.PageAsync(1, TimelineCursor.Start, 3);
        Assert.Equal(["o5", "o1", null], first.Items.Select(i => i.OrderId));
        Assert.Equal([TimelineKind.Order, TimelineKind.Order, TimelineKind.Event], first.Items.Select(i => i.Kind));
        Assert.Equal("watch", first.Items[2].Type);
        Assert.Equal(("Beta", 20000L, 5000L), (first.Items[0].CourseTitle, first.Items[0].Payable, first.Items[0].Refunded));
        Assert.Equal(new TimelineCursor(1, 2), first.Next);
        Assert.True(first.HasMore);

        var second = await timeline.PageAsync(1, first.Next, 3);
        Assert.Equal(["coupon_claim", "question", "chat"], second.Items.Select(i => i.Type));
        Assert.True(second.HasMore);
        var last = await timeline.PageAsync(1, second.Next, 3);
        var chat = Assert.Single(last.Items);
        Assert.Equal(SampleShop.At(1, 12, 0, 10), chat.At);
        Assert.False(last.HasMore);

        var empty = await timeline.PageAsync(99, TimelineCursor.Start, 3);
        Assert.Empty(empty.Items);
        Assert.False(empty.HasMore);
    }
}
