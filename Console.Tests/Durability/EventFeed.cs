using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Console.Tests.Durability;

/// <summary>
/// A fixed set of event batches (ids known in advance) sent by concurrent senders, as the platform's feed would send
/// them: it remembers which batches were acknowledged and with what counts, and which were sent but never answered.
/// </summary>
public sealed class EventFeed(string prefix, int events, int batchSize, int customers = 2_000)
{
    private readonly string _occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssK");
    private int _next;

    public string Prefix => prefix;
    public int Events => events;
    public int BatchSize => batchSize;
    public int Batches => (events + batchSize - 1) / batchSize;

    /// <summary>Answers (accepted, duplicates) by batch, from the 202 the console gave.</summary>
    public ConcurrentDictionary<int, (int Accepted, int Duplicates)> Acknowledged { get; } = new();

    /// <summary>Batches whose request was sent; those not acknowledged were in flight when the console died.</summary>
    public ConcurrentDictionary<int, bool> Sent { get; } = new();

    /// <summary>Answers that were neither a 202 nor a lost connection: a test expects none.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>Called after each acknowledged batch with the number acknowledged so far.</summary>
    public Action<int>? OnAcknowledged { get; set; }

    public string EventId(int batch, int item) => $"{prefix}-{batch:D4}-{item:D4}";

    public IEnumerable<string> EventIds(int batch) =>
        Enumerable.Range(0, Math.Min(batchSize, events - batch * batchSize)).Select(i => EventId(batch, i));

    public object[] Body(int batch) => EventIds(batch).Select((id, i) =>
    {
        var customer = $"{prefix}-c{(batch * batchSize + i) % customers}";
        return i % 3 == 0
            ? (object)new { eventId = id, customerExternalId = customer, type = "watch", occurredAt = _occurredAt, value = 60 }
            : new { eventId = id, customerExternalId = customer, type = "page_view", occurredAt = _occurredAt };
    }).ToArray();

    /// <summary>
    /// Sends every batch once, in order, from several senders, until all are sent, the console stops answering or
    /// <paramref name="stop"/> is cancelled (then no new batch is begun).
    /// </summary>
    public Task SendAllAsync(HttpClient client, int senders, CancellationToken stop = default) =>
        Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            for (var batch = Interlocked.Increment(ref _next) - 1; batch < Batches && !stop.IsCancellationRequested;
                 batch = Interlocked.Increment(ref _next) - 1)
                if (!await SendAsync(client, batch)) return;
        })));

    /// <summary>Sends the given batches again, one after another; every one must be answered.</summary>
    public async Task<List<(int Batch, int Accepted, int Duplicates)>> ResendAsync(HttpClient client, IEnumerable<int> batches)
    {
        var answers = new List<(int, int, int)>();
        foreach (var batch in batches)
        {
            var (status, json) = await PostAsync(client, batch);
            Assert.True(status == HttpStatusCode.Accepted, $"batch {batch} resent: {(int)status} {json}");
            answers.Add((batch, json.GetProperty("accepted").GetInt32(), json.GetProperty("duplicates").GetInt32()));
            Assert.Empty(json.GetProperty("rejected").EnumerateArray());
        }
        return answers;
    }

    private async Task<bool> SendAsync(HttpClient client, int batch)
    {
        Sent[batch] = true;
        HttpStatusCode status;
        JsonElement json;
        try
        {
            (status, json) = await PostAsync(client, batch);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            // The console died under the request: the batch may or may not be stored, and its sender resends it later.
            return false;
        }
        if (status != HttpStatusCode.Accepted)
        {
            Failures.Enqueue($"batch {batch}: {(int)status} {json}");
            return false;
        }
        Acknowledged[batch] = (json.GetProperty("accepted").GetInt32(), json.GetProperty("duplicates").GetInt32());
        OnAcknowledged?.Invoke(Acknowledged.Count);
        return true;
    }

    private async Task<(HttpStatusCode, JsonElement)> PostAsync(HttpClient client, int batch)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/events", Body(batch));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
