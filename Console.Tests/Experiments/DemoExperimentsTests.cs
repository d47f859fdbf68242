using System.Text.Json;
using Console.Domain.Experiments;
using Console.Tests.Demo;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Experiments;

/// <summary>The demo's four experiments show what was planted in them: a win, a null, a sample-ratio mismatch and a running test.</summary>
public sealed class DemoExperimentsTests
{
    [Fact]
    public async Task The_planted_effects_show_in_the_stored_results()
    {
        using var store = new TempStore();
        var result = await DemoTestData.SeedAsync(store, customers: 6_000, days: 30, seed: 42);
        Assert.True(result.Seeded, result.Refusal);
        await using var connection = await store.Db.OpenAsync();
        var snapshots = (await connection.QueryAsync<(string Key, string Status, string Body)>(
            """
            SELECT e.experiment_key, e.status, s.body FROM experiment_snapshots s JOIN experiments e ON e.id = s.experiment_id ORDER BY e.id
            """)).ToDictionary(r => r.Key, r => (r.Status, Snapshot: JsonSerializer.Deserialize<ResultsSnapshot>(r.Body, JsonSerializerOptions.Web)!));
        Assert.Equal(["coupon-30-off-vs-20-pct", "team-of-3-vs-5", "checkout-banner", "live-coupon-push"], snapshots.Keys);
        Assert.Equal(3, snapshots.Values.Count(s => s.Status == ExperimentStatus.Stopped));

        var win = snapshots["coupon-30-off-vs-20-pct"].Snapshot.Variants[1].Effect!;
        Assert.True(win.Absolute.Value > 0.02 && win.PValue < 0.05, $"win: {win.Absolute.Value:P2}, p {win.PValue:G3}");
        Assert.True(snapshots["checkout-banner"].Snapshot.Srm!.Mismatch, $"SRM p {snapshots["checkout-banner"].Snapshot.Srm!.PValue:G3}");
        Assert.False(snapshots["coupon-30-off-vs-20-pct"].Snapshot.Srm!.Mismatch);
        Assert.False(snapshots["team-of-3-vs-5"].Snapshot.Srm!.Mismatch);
        Assert.NotNull(snapshots["live-coupon-push"].Snapshot.Holdout);
        Assert.All(snapshots.Values, s => Assert.NotEmpty(s.Snapshot.Daily));
    }
}
