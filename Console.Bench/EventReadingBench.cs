using System.Diagnostics;
using Console.Bench.Ingestion;
using Console.Domain.Events;
using Console.Web.Api;

namespace Console.Bench;

/// <summary>
/// Reading one batch body of 5,000 events, in process: the one-pass reader the events endpoint uses against deserialising
/// each item into its record, as the other batch endpoints do. Both give the same answers (EventParsingTests).
/// usage: event-reading [--rounds 15] [--reps 20]
/// </summary>
internal static class EventReadingBench
{
    private const int BatchSize = 5_000;
    private static readonly string[] Fields = ["eventId", "customerExternalId", "type", "occurredAt", "courseExternalId", "liveSessionExternalId", "value"];
    private static readonly byte[][] Names = IngestJson.Utf8Names(Fields);
    private static readonly string[] Types = IngestEvents.Types.Order(StringComparer.Ordinal).ToArray();

    public static Task RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 15);
        var reps = Option(args, "--reps", 20);
        var body = EventBatches.Bodies(EventBatches.Generate(BatchSize, seed: 11, orderedIds: false), BatchSize)[0];
        System.Console.WriteLine($"event-reading: one body of {BatchSize:N0} events ({body.Length:N0} bytes), {rounds} rounds of {reps} reads each way");

        int OnePass() => IngestJson.Parse(body, Fields, Names, v => new EventIn(v[0], v[1], v[2], v[3], v[4], v[5], v[6]), Types).Mapped!.Items.Count;
        int Records() => IngestJson.Read<EventIn>(body).Mapped!.Items.Count;
        if (OnePass() != BatchSize || Records() != BatchSize) throw new InvalidOperationException("Both readers must read every event.");
        for (var i = 0; i < 50; i++) { OnePass(); Records(); }

        var onePass = new List<double>();
        var records = new List<double>();
        var bytes = new List<(long OnePass, long Records)>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which goes first so that neither always runs on a warmer cache or a quieter neighbour.
            var (a, b) = round % 2 == 0 ? (Time(OnePass, reps), Time(Records, reps)) : Swap(Time(Records, reps), Time(OnePass, reps));
            onePass.Add(a.Ms);
            records.Add(b.Ms);
            bytes.Add((a.Bytes, b.Bytes));
        }
        var (p, r) = (Median(onePass), Median(records));
        System.Console.WriteLine($"  one pass: median {p:F2} ms per batch ({BatchSize / p * 1000:N0} events/s), {bytes[0].OnePass / 1024:N0} KB allocated");
        System.Console.WriteLine($"  records:  median {r:F2} ms per batch ({BatchSize / r * 1000:N0} events/s), {bytes[0].Records / 1024:N0} KB allocated");
        System.Console.WriteLine($"  records / one pass: {r / p:F2}x the time; per round: {string.Join(", ", records.Zip(onePass, (x, y) => (x / y).ToString("F2")))}");
        return Task.CompletedTask;
    }

    private static ((double Ms, long Bytes), (double Ms, long Bytes)) Swap((double, long) second, (double, long) first) => (first, second);

    private static (double Ms, long Bytes) Time(Func<int> read, int reps)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reps; i++) read();
        return (clock.Elapsed.TotalMilliseconds / reps, (GC.GetAllocatedBytesForCurrentThread() - allocated) / reps);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
