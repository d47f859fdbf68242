using Dapper;
using Xunit.Abstractions;

namespace Console.Tests.Durability;

/// <summary>
/// A console process killed hard in the middle of a large event feed: what it acknowledged is stored, and what the
/// feed sends again after the restart is stored exactly once.
/// </summary>
public sealed class IngestionKillTests(ITestOutputHelper output)
{
    // 20,000 events keep the test to seconds (about six on two cores, two starts included); CC_KILL_EVENTS=100000 runs the full feed.
    private static readonly int Events = int.TryParse(Environment.GetEnvironmentVariable("CC_KILL_EVENTS"), out var n) && n > 0 ? n : 20_000;
    private const int BatchSize = 250;

    [Fact]
    public async Task Every_acknowledged_batch_is_stored_and_every_resent_batch_is_stored_once()
    {
        await using var console = new ChildConsole();
        var feed = new EventFeed("ev", Events, BatchSize);
        var server = await console.StartAsync();
        using (var client = await console.ClientAsync(server))
        {
            // Killed once a quarter of the batches are acknowledged, with the other senders' requests still in flight.
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            feed.OnAcknowledged = n => { if (n >= feed.Batches / 4) killed.TrySetResult(); };
            var sending = feed.SendAllAsync(client, senders: 6);
            await Task.WhenAny(killed.Task, sending);
            await ChildConsole.KillAsync(server.Process);
            await sending;
        }
        Assert.Empty(feed.Failures);
        var acknowledged = feed.Acknowledged.ToDictionary();
        var inFlight = feed.Sent.Keys.Where(b => !acknowledged.ContainsKey(b)).Order().ToList();
        Assert.InRange(acknowledged.Count, feed.Batches / 4, feed.Batches - 1);

        var stored = StoredIds(console, feed);
        var lost = acknowledged.Keys.SelectMany(feed.EventIds).Count(id => !stored.Contains(id));
        Assert.Equal(0, lost);
        var storedBeforeResend = stored.Count;

        var restarted = await console.StartAsync();
        using var again = await console.ClientAsync(restarted);
        var unanswered = Enumerable.Range(0, feed.Batches).Where(b => !acknowledged.ContainsKey(b)).ToList();
        var resent = await feed.ResendAsync(again, unanswered);
        // Two acknowledged batches sent a second time, as a sender unsure of its last answer would: nothing new is stored.
        var repeats = await feed.ResendAsync(again, acknowledged.Keys.Order().Take(2));

        stored = StoredIds(console, feed);
        var rows = Rows(console, feed);
        var acceptedInAnswers = acknowledged.Values.Sum(a => a.Accepted) + resent.Sum(r => r.Accepted);
        output.WriteLine($"{feed.Batches} batches of {BatchSize}: {acknowledged.Count} acknowledged before the kill, {inFlight.Count} in flight " +
            $"({string.Join(", ", inFlight)}), {storedBeforeResend} events stored at the kill; after resending {unanswered.Count} batches " +
            $"{rows} rows, {stored.Count} distinct ids, {acceptedInAnswers} accepted in all answers.");
        Assert.All(resent, r => Assert.Equal(feed.EventIds(r.Batch).Count(), r.Accepted + r.Duplicates));
        Assert.All(repeats, r => Assert.Equal((0, BatchSize), (r.Accepted, r.Duplicates)));
        Assert.Equal(Events, rows);
        Assert.Equal(Events, stored.Count);
        // Batches stored at the kill but never answered come back as duplicates: with those, every event was accepted once.
        Assert.Equal(Events, acceptedInAnswers + resent.Sum(r => r.Duplicates));
        // A batch that was in flight at the kill was stored whole or not at all: never a part of it.
        foreach (var batch in inFlight)
            Assert.Contains(resent.Single(r => r.Batch == batch).Accepted, new[] { 0, feed.EventIds(batch).Count() });
    }

    private static HashSet<string> StoredIds(ChildConsole console, EventFeed feed)
    {
        using var connection = console.Db.Open();
        return connection.Query<string>("SELECT event_id FROM events WHERE event_id LIKE @p", new { p = feed.Prefix + "-%" })
            .ToHashSet(StringComparer.Ordinal);
    }

    private static long Rows(ChildConsole console, EventFeed feed)
    {
        using var connection = console.Db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM events WHERE event_id LIKE @p", new { p = feed.Prefix + "-%" });
    }
}
