using System.Text;

namespace Console.Tests.Api;

/// <summary>What the whole answer must be: a success, a 4xx, either of them, 413, or a 302 that records the click (a tracked link).</summary>
public enum Expect { Ok, Refused, Either, TooLarge, Redirect }

/// <summary>The X-Api-Key a request carries.</summary>
public enum Key { Manage, Ingest, None, Unknown, Injection, Huge }

/// <summary>What a success must have stored, looked up after the answer.</summary>
public enum Stored { Nothing, Order, CouponCampaign, GroupBuyCampaign, Refund }

/// <summary>One item of a batch: Id is its fresh externalId or eventId when it has a usable one, Text what must be stored.</summary>
public sealed record BatchItem(Verdict Verdict, string Note, string? Id, string? Text)
{
    /// <summary>The rejection code the item must get, where only one thing is wrong with it.</summary>
    public string? Code { get; init; }
}

public sealed record HostileRequest(string Endpoint, int Case, HttpMethod Method, string Path, byte[] Body, Expect Expect, string Note)
{
    public string? ContentType { get; init; } = "application/json";
    public Key Key { get; init; } = Key.Manage;
    /// <summary>Sent without a Content-Length, so only reading the stream can find its size.</summary>
    public bool Chunked { get; init; }
    /// <summary>A 400 must name at least one of these in errors (empty: no field is required).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<BatchItem>? Items { get; init; }
    /// <summary>Quotes, checks, look-ups and health never write, whatever they answer.</summary>
    public bool ReadOnly { get; init; }
    /// <summary>A public page: its refusals are HTML for a browser, not problem documents.</summary>
    public bool Page { get; init; }
    public Stored Stored { get; init; }
    public string? StoredId { get; init; }

    public string Describe(int seed)
    {
        var text = new StringBuilder($"[seed {seed}, {Endpoint} #{Case}] {Method} {Path}");
        if (Key != Key.Manage) text.Append($" [key: {Key}]");
        if (ContentType != "application/json") text.Append($" [content-type: {ContentType ?? "none"}]");
        if (Chunked) text.Append(" [no Content-Length]");
        text.Append($" body ({Body.Length:N0} bytes): {Shorten(Body, 260)}");
        return text.Append(" (").Append(Note).Append(')').ToString();
    }

    /// <summary>Bytes as text for a message: invalid UTF-8 shown as \xNN, long runs cut in the middle.</summary>
    public static string Shorten(byte[] bytes, int max)
    {
        var head = Readable(bytes.AsSpan(0, Math.Min(bytes.Length, max * 4)));
        if (head.Length <= max && bytes.Length <= max * 4) return head;
        var tail = Readable(bytes.AsSpan(Math.Max(0, bytes.Length - 40)));
        return head[..Math.Min(head.Length, max - 40)] + " … " + tail[^Math.Min(tail.Length, 30)..];
    }

    private static string Readable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var i = 0;
        while (i < bytes.Length)
        {
            var length = bytes[i] < 0x80 ? 1 : bytes[i] >= 0xF0 ? 4 : bytes[i] >= 0xE0 ? 3 : 2;
            try
            {
                if (i + length > bytes.Length) throw new DecoderFallbackException();
                var part = decoder.GetString(bytes.Slice(i, length));
                foreach (var c in part) text.Append(c < 0x20 ? $"\\x{(int)c:X2}" : c.ToString());
                i += length;
            }
            catch (DecoderFallbackException)
            {
                text.Append($"\\x{bytes[i]:X2}");
                i++;
            }
        }
        return text.ToString();
    }
}
