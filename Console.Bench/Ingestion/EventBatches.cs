using System.Text.Json;

namespace Console.Bench.Ingestion;

/// <summary>Deterministic events for one run, kept both as typed rows (for the ceiling) and as JSON batch bodies (for HTTP).</summary>
internal sealed record BenchEvent(string EventId, string Customer, string Type, DateTime OccurredAt, string? Course, string? Live, double? Value);

internal static class EventBatches
{
    private static readonly string[] Types = ["page_view", "watch", "chat", "question", "poll_vote", "like", "share", "lottery_join", "coupon_claim", "add_to_cart"];

    /// <summary>
    /// Random ids (UUIDv4-like) land anywhere in the event_id index; ordered ids (time-ordered, like UUIDv7 or
    /// snowflake ids) append to it. Which one a platform sends changes how many index pages each commit rewrites.
    /// Live times move forward as a live room's feed does (run after run, a few seconds of jitter), so each customer's
    /// new events land at the end of the (customer, time) index; spread times fall anywhere in one day, run after run.
    /// </summary>
    public static List<BenchEvent> Generate(int count, int seed, bool orderedIds, bool liveTimes = false)
    {
        var random = new Random(seed);
        var start = new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        var runStart = start.AddHours(seed);
        var events = new List<BenchEvent>(count);
        Span<byte> id = stackalloc byte[16];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(id);
            var type = Types[random.Next(Types.Length)];
            var live = random.Next(10) < 3 ? $"live-{random.Next(BenchStore.LiveSessions):D3}" : null;
            var course = random.Next(2) == 0 ? $"course-{random.Next(BenchStore.Courses):D3}" : null;
            var eventId = orderedIds ? $"evt-{seed:D4}-{i:D9}-{Convert.ToHexStringLower(id[..4])}" : "evt-" + Convert.ToHexStringLower(id);
            events.Add(new BenchEvent(eventId, $"cust-{random.Next(BenchStore.Customers):D5}", type,
                liveTimes ? runStart.AddMilliseconds(i * 10L + random.Next(3_000)) : start.AddMilliseconds(random.Next(86_400_000)), course, live, type == "watch" ? random.Next(1, 3600) : null));
        }
        return events;
    }

    /// <summary>The batch bodies as the platform would send them: camelCase JSON, times with a +08:00 offset.</summary>
    public static List<byte[]> Bodies(List<BenchEvent> events, int batchSize)
    {
        var bodies = new List<byte[]>();
        for (var offset = 0; offset < events.Count; offset += batchSize)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                foreach (var e in events.Skip(offset).Take(batchSize))
                {
                    json.WriteStartObject();
                    json.WriteString("eventId", e.EventId);
                    json.WriteString("customerExternalId", e.Customer);
                    json.WriteString("type", e.Type);
                    json.WriteString("occurredAt", new DateTimeOffset(e.OccurredAt).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz"));
                    if (e.Course is not null) json.WriteString("courseExternalId", e.Course);
                    if (e.Live is not null) json.WriteString("liveSessionExternalId", e.Live);
                    if (e.Value is { } value) json.WriteNumber("value", value);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            bodies.Add(buffer.ToArray());
        }
        return bodies;
    }
}
