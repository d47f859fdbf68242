using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;

namespace Console.Tests.Api;

/// <summary>A broken rule: Label groups the same defect across cases, Detail and the answer make the case reproducible.</summary>
public sealed record Failure(HostileRequest Request, string Label, string Detail, string Answer);

/// <summary>Sends one hostile request through the real pipeline and checks the answer and the store against the contract.</summary>
public sealed class HostileRunner(HttpClient client, TableCounts tables, IReadOnlyDictionary<Key, string?> keys)
{
    public async Task<List<Failure>> RunAsync(HostileRequest request, CancellationToken ct)
    {
        var before = tables.Take();
        using var message = Message(request);
        using var response = await client.SendAsync(message, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var after = tables.Take();
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var answer = $"{status} {mediaType ?? "(no content type)"} {HostileRequest.Shorten(body, 300)}";
        var failures = new List<Failure>();
        void Fail(string label, string detail = "") => failures.Add(new(request, label, detail, answer));

        var changes = before.ChangesTo(after);
        if (status >= 500) Fail($"answered {status}");
        else if (request.Expect == Expect.Ok && status >= 300)
            Fail(request.Items?.Any(i => i.Verdict != Verdict.Valid) == true ? "a batch with a bad item was refused whole" : "a valid request was refused");
        else if (request.Expect == Expect.Refused && status < 400) Fail($"a hostile request was not refused ({status})");
        else if (request.Expect == Expect.TooLarge && status != 413) Fail($"a body over 10 MB answered {status}, not 413");
        else if (request.Expect == Expect.Redirect && status != 302) Fail($"a live tracked link answered {status}, not 302");
        else if (request.Expect == Expect.Redirect && changes.Length == 0) Fail("a followed link recorded no click");
        if (status is >= 400 and < 500)
        {
            if (!request.Page)
                foreach (var (label, detail) in ProblemRules.Check(status, mediaType, body, request.Body, request.Expect == Expect.Refused ? request.Fields : []))
                    Fail(label, detail);
            if (changes.Length > 0) Fail("a refused request changed the store", changes);
        }
        else if (request.ReadOnly && changes.Length > 0) Fail("a request that must not write changed the store", changes);
        if (status is >= 200 and < 300)
        {
            foreach (var (label, detail) in Stored(request, body, before, after)) Fail(label, detail);
            // Also proves the watch on the store works: a write it cannot see would make every "changed nothing" above worthless.
            // Only valid requests count here, since their ids are fresh; a lenient one may replay an earlier id.
            var wrote = request.Expect == Expect.Ok && (request.Stored != Api.Stored.Nothing || request.Items?.Any(i => i.Verdict == Verdict.Valid) == true);
            if (wrote && changes.Length == 0) Fail("a success left the store as it was", "no row count and no commit changed");
            if (request.Items is { } items) foreach (var (label, detail) in BatchRules(request, items, body)) Fail(label, detail);
        }
        return failures;
    }

    private HttpRequestMessage Message(HostileRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Path);
        if (keys[request.Key] is { } key) message.Headers.TryAddWithoutValidation("X-Api-Key", key);
        message.Headers.TryAddWithoutValidation("Accept", "application/json, application/problem+json");
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Trace) return message;
        message.Content = request.Chunked ? new UnknownLength(request.Body) : new ByteArrayContent(request.Body);
        if (request.ContentType is { } type) message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        return message;
    }

    private IEnumerable<(string, string)> Stored(HostileRequest request, byte[] body, Snapshot before, Snapshot after)
    {
        switch (request.Stored)
        {
            case Api.Stored.Order when request.StoredId is { } orderId:
                if (Count("SELECT COUNT(*) FROM orders WHERE order_id = @orderId", new { orderId }) != 1)
                    yield return ("an accepted order is not stored", orderId);
                break;
            case Api.Stored.CouponCampaign or Api.Stored.GroupBuyCampaign:
                var table = request.Stored == Api.Stored.CouponCampaign ? "coupon_campaigns" : "group_buy_campaigns";
                var id = Id(body);
                if (id is null || Count($"SELECT COUNT(*) FROM {table} WHERE id = @id", new { id }) != 1)
                    yield return ("an accepted campaign is not stored", $"{table} id {id?.ToString() ?? "missing from the answer"}");
                break;
            case Api.Stored.Refund:
                if (after.Rows.GetValueOrDefault("refunds") != before.Rows.GetValueOrDefault("refunds") + 1)
                    yield return ("an accepted refund is not stored", "refunds did not grow by one");
                break;
        }
    }

    /// <summary>Valid items stored as sent, bad ones rejected by index and not stored, and counts that add up.</summary>
    private IEnumerable<(string, string)> BatchRules(HostileRequest request, IReadOnlyList<BatchItem> items, byte[] body)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { root = default; }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rejected", out var rejectedList) || rejectedList.ValueKind != JsonValueKind.Array)
        {
            yield return ("a batch answer has no rejected list", "");
            yield break;
        }
        var rejected = new Dictionary<int, string>();
        foreach (var r in rejectedList.EnumerateArray())
            if (r.TryGetProperty("index", out var index) && index.TryGetInt32(out var i))
                rejected[i] = r.TryGetProperty("error", out var error) ? error.GetString() ?? "" : "";
        var taken = root.TryGetProperty("upserted", out var upserted) ? upserted.GetInt32()
            : root.GetProperty("accepted").GetInt32() + root.GetProperty("duplicates").GetInt32();
        if (taken + rejected.Count != items.Count) yield return ("a batch answer does not add up", $"{taken} taken + {rejected.Count} rejected of {items.Count}");
        var (table, keyColumn, textColumn) = BatchCases.Storage(request.Endpoint);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var stored = item.Id is null ? null : Texts(table, keyColumn, textColumn, item.Id);
            if (item.Verdict == Verdict.Valid)
            {
                if (rejected.TryGetValue(i, out var error)) yield return ("a valid item was rejected", $"item {i} as {error}");
                else if (stored is null || stored.Count != 1) yield return ("a valid item is not stored", $"item {i} '{item.Id}'");
                else if (item.Text is not null && stored[0] != item.Text) yield return ("a valid item is stored with other text", $"item {i}: '{stored[0]}' for '{item.Text}'");
            }
            else if (item.Verdict != Verdict.Lenient)
            {
                if (!rejected.TryGetValue(i, out var error)) yield return ($"a bad item was not rejected: {Group(item.Note)}", $"item {i}: {item.Note}");
                else if (item.Code is not null && error != item.Code) yield return ($"a bad item was rejected as {error}, not {item.Code}", $"item {i}: {item.Note}");
                if (stored is { Count: > 0 }) yield return ("a rejected item was stored", $"item {i} '{item.Id}': {item.Note}");
            }
        }
    }

    /// <summary>The note of a change without its numbers and quotes, so that one defect is one group.</summary>
    private static string Group(string note) => System.Text.RegularExpressions.Regex.Replace(note, @"'[^']*'|\d[\d,.]*", "…");

    private List<string?> Texts(string table, string keyColumn, string textColumn, string id) =>
        tables.Connection.Query<string?>($"SELECT {textColumn} FROM {table} WHERE {keyColumn} = @id", new { id }).ToList();

    private long Count(string sql, object args) => tables.Connection.ExecuteScalar<long>(sql, args);

    private static long? Id(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException) { return null; }
    }

    private sealed class UnknownLength(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
