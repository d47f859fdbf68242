using Console.Domain.Models;

namespace Console.Tests.Models;

/// <summary>Propensity features against a store built by hand, and proof that nothing after the cut-off reaches them.</summary>
public sealed class PropensityFeatureTests : IDisposable
{
    private static readonly DateTime Cut = ModelsData.T0.AddDays(100);
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private static float F(PropensityRow row, string name) => row.Features[Array.IndexOf(PropensityFeatures.Names, name)];

    private static float Log(double n) => (float)Math.Log(1 + n);

    private ModelsData Store()
    {
        var t = ModelsData.T0;
        return new ModelsData(_store.Db)
            .Course(1, "Art").Course(2, "Art").Course(3, "Code")
            .Customer(1, "kol").Customer(2, "ads", createdAt: t.AddDays(40))
            .Session(10, 1, t.AddDays(50), 60)
            .Event(1, "watch", t.AddDays(50).AddMinutes(5), 1, 10, 300)
            .Event(1, "watch", t.AddDays(50).AddMinutes(10), 1, 10, 300)
            .Event(1, "chat", t.AddDays(50).AddMinutes(6), 1, 10)
            .Event(1, "chat", t.AddDays(50).AddMinutes(7), 1, 10)
            .Event(1, "coupon_claim", t.AddDays(50).AddMinutes(8), 1, 10)
            .Event(1, "page_view", t.AddDays(80), 2)
            .Event(1, "page_view", t.AddDays(85), 2)
            .Event(1, "page_view", t.AddDays(90), 2)
            .Event(1, "add_to_cart", t.AddDays(90).AddMinutes(2), 2)
            .Order(1, 1, t.AddDays(50).AddMinutes(20), 10, "KOL-X", "live_room")
            .Event(2, "page_view", t.AddDays(95), 3)
            // After the cut-off: customer 1 buys course 2, customer 2 buys course 3.
            .Order(1, 2, Cut.AddDays(3))
            .Order(2, 3, Cut.AddDays(40));
    }

    [Fact]
    public async Task Features_are_counted_from_the_events_and_orders_before_the_cut_off()
    {
        await Store().SaveAsync();
        var rows = await new PropensityFeatureReader(_store.Db).ReadAsync(Cut, Cut.AddDays(30), TimeSpan.FromDays(90), 1000, CancellationToken.None);

        // Customer 1 owns course 1, so only courses 2 and 3 are scored for them; customer 2 gets all three.
        Assert.Equal([(1L, 2L), (1L, 3L), (2L, 1L), (2L, 2L), (2L, 3L)], rows.Select(r => (r.CustomerId, r.CourseId)).ToArray());
        var pair = rows.Single(r => r is { CustomerId: 1, CourseId: 2 });
        Assert.True(pair.Label);
        Assert.Equal(Log(10), F(pair, "watch_minutes"), 5);
        Assert.Equal(0, F(pair, "watch_minutes_course"));
        Assert.Equal(Log(1), F(pair, "sessions_attended"), 5);
        Assert.Equal(Log(2), F(pair, "chat"), 5);
        Assert.Equal(Log(1), F(pair, "coupon_claims"), 5);
        Assert.Equal(Log(3), F(pair, "page_views_course"), 5);
        Assert.Equal(Log(3), F(pair, "page_views"), 5);
        Assert.Equal(Log(1), F(pair, "add_to_cart_course"), 5);
        Assert.Equal(Log(1), F(pair, "past_purchases"), 5);
        Assert.Equal(1, F(pair, "purchases_in_category"));
        Assert.Equal(1, F(pair, "categories_bought"));
        Assert.Equal(1, F(pair, "kol_referral"));
        Assert.Equal(1, F(pair, "source_kol"));
        Assert.Equal(0, F(pair, "source_douyin"));
        Assert.Equal((float)(10 - 2.0 / 1440), F(pair, "days_since_last_visit"), 3); // the cart, two minutes after the last view
        Assert.Equal(300, F(pair, "days_since_joined"), 3);

        var other = rows.Single(r => r is { CustomerId: 1, CourseId: 3 });
        Assert.False(other.Label);
        Assert.Equal(0, F(other, "purchases_in_category"));
        Assert.Equal(0, F(other, "course_orders_30d")); // the only earlier order is 50 days old

        var newcomer = rows.Single(r => r is { CustomerId: 2, CourseId: 3 });
        Assert.False(newcomer.Label); // bought 40 days after the cut-off, past the 30-day horizon
        Assert.Equal(1, F(newcomer, "source_ads"));
        Assert.Equal(0, F(newcomer, "kol_referral"));
        Assert.Equal(60, F(newcomer, "days_since_joined"), 3);
    }

    [Fact]
    public async Task Nothing_after_the_cut_off_changes_the_features()
    {
        await Store().SaveAsync();
        var reader = new PropensityFeatureReader(_store.Db);
        var before = await reader.ReadAsync(Cut, null, TimeSpan.FromDays(90), 1000, CancellationToken.None);
        var single = await reader.ForCustomerAsync(1, Cut, null, CancellationToken.None);

        // A flood of later behaviour: views, watching, claims and purchases of every course, and a customer who joined later.
        var later = new ModelsData(_store.Db).Customer(3, "kol", Cut.AddDays(1)).Session(11, 2, Cut.AddDays(2), 90);
        for (var i = 0; i < 20; i++)
        {
            var at = Cut.AddMinutes(1 + i * 37);
            later.Event(1, "page_view", at, 3).Event(1, "watch", at, 2, 11, 600).Event(2, "add_to_cart", at, 1)
                .Event(2, "coupon_claim", at, 2, 11).Event(3, "page_view", at, 1);
        }
        later.Order(2, 1, Cut.AddHours(1), 11, "KOL-Y").Order(2, 2, Cut).Order(1, 3, Cut.AddSeconds(1));
        await later.SaveAsync();

        var after = await reader.ReadAsync(Cut, null, TimeSpan.FromDays(90), 1000, CancellationToken.None);
        Assert.Equal(before.Select(r => (r.CustomerId, r.CourseId)), after.Select(r => (r.CustomerId, r.CourseId)));
        for (var i = 0; i < before.Count; i++) Assert.Equal(before[i].Features, after[i].Features);
        var singleAfter = await reader.ForCustomerAsync(1, Cut, null, CancellationToken.None);
        Assert.Equal(single.Select(r => r.Features), singleAfter.Select(r => r.Features));
        Assert.Equal(before.Where(r => r.CustomerId == 1).Select(r => r.Features), single.Select(r => r.Features));
    }
}
