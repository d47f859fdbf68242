using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Web.Api;

/// <summary>
/// Turns batch items into the domain's text records. JSON scalars become their text; an item that is not an
/// object, or a field holding an object or array, is rejected here since no text could stand for it.
/// </summary>
internal static class IngestJson
{
    public sealed record Mapped<T>(List<T> Items, List<int> Positions, List<Rejection> Rejected)
    {
        /// <summary>The domain numbers its rejections by position in <see cref="Items"/>; clients need batch positions.</summary>
        public IReadOnlyList<Rejection> Merge(IReadOnlyList<Rejection> domain)
        {
            if (domain.Count == 0 && Rejected.Count == 0) return [];
            var all = new List<Rejection>(Rejected.Count + domain.Count);
            all.AddRange(Rejected);
            foreach (var r in domain) all.Add(r with { Index = Positions[r.Index] });
            return Rejection.InOrder(all);
        }
    }

    public static Mapped<T> Map<T>(List<JsonElement> batch, string[] fields, Func<string?[], T> create)
    {
        var mapped = new Mapped<T>(new List<T>(batch.Count), new List<int>(batch.Count), []);
        for (var index = 0; index < batch.Count; index++)
        {
            var item = batch[index];
            if (item.ValueKind != JsonValueKind.Object)
            {
                mapped.Rejected.Add(Rejection.InvalidItem() with { Index = index });
                continue;
            }
            var values = new string?[fields.Length];
            Rejection? refusal = null;
            for (var f = 0; f < fields.Length && refusal is null; f++)
            {
                if (!item.TryGetProperty(fields[f], out var value)) continue;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String: values[f] = value.GetString(); break;
                    case JsonValueKind.Number: values[f] = value.GetRawText(); break;
                    case JsonValueKind.True: values[f] = "true"; break;
                    case JsonValueKind.False: values[f] = "false"; break;
                    case JsonValueKind.Null: break;
                    default: refusal = NotAValue(fields[f]); break;
                }
            }
            if (refusal is not null)
            {
                mapped.Rejected.Add(refusal with { Index = index });
                continue;
            }
            mapped.Items.Add(create(values));
            mapped.Positions.Add(index);
        }
        return mapped;
    }

    /// <summary>Field names as UTF-8, for <see cref="Parse{T}"/>.</summary>
    public static byte[][] Utf8Names(string[] fields) => fields.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>
    /// The same mapping as <see cref="Map{T}"/> in one forward pass over the raw body: no document, no element per
    /// item. Gives the same answers: a problem for a body that is not a JSON array of at most 5,000 items, the
    /// last of repeated properties wins, and the first refused field in field order names the item's rejection.
    /// </summary>
    public static (Mapped<T>? Mapped, string? Problem) Parse<T>(ReadOnlySpan<byte> body, string[] fields, byte[][] names,
        Func<string?[], T> create, IReadOnlyList<string>? knownTexts = null)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read()) return (null, "The body is empty.");
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return (null, "The body must be a JSON array of items.");
            }
            var mapped = new Mapped<T>(new List<T>(Math.Min(ApiBody.MaxBatchItems, body.Length / 64 + 1)), [], []);
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (index == ApiBody.MaxBatchItems) return (null, TooMany(ref reader, index));
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    mapped.Rejected.Add(Rejection.InvalidItem() with { Index = index++ });
                    continue;
                }
                var values = new string?[fields.Length];
                var refused = ReadObject(ref reader, names, values, knownTexts);
                if (refused != 0) mapped.Rejected.Add(NotAValue(fields[BitOperations.TrailingZeroCount(refused)]) with { Index = index });
                else
                {
                    mapped.Items.Add(create(values));
                    mapped.Positions.Add(index);
                }
                index++;
            }
            // Anything after the array other than white space is malformed and throws here.
            reader.Read();
            return (mapped, null);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON at byte {reader.BytesConsumed}: {e.Message.Split('\n')[0].Trim()}");
        }
    }

    /// <summary>Reads one object's properties into <paramref name="values"/>; returns a bit per field that held an object or array.</summary>
    private static uint ReadObject(ref Utf8JsonReader reader, byte[][] names, string?[] values, IReadOnlyList<string>? knownTexts)
    {
        var refused = 0u;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var f = FieldOf(ref reader, names);
            reader.Read();
            if (f < 0)
            {
                reader.Skip();
                continue;
            }
            refused &= ~(1u << f);
            values[f] = reader.TokenType switch
            {
                JsonTokenType.String => Known(ref reader, knownTexts) ?? reader.GetString(),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => null,
            };
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                refused |= 1u << f;
            }
        }
        return refused;
    }

    private static int FieldOf(ref Utf8JsonReader reader, byte[][] names)
    {
        for (var f = 0; f < names.Length; f++)
            if (reader.ValueTextEquals(names[f])) return f;
        return -1;
    }

    /// <summary>A value from a small closed set (event types) is handed out as the shared string, not a new one per item.</summary>
    private static string? Known(ref Utf8JsonReader reader, IReadOnlyList<string>? knownTexts)
    {
        if (knownTexts is null || reader.ValueIsEscaped) return null;
        var span = reader.ValueSpan;
        foreach (var text in knownTexts)
            if (text.Length == span.Length && Ascii.Equals(span, text)) return text;
        return null;
    }

    private static string TooMany(ref Utf8JsonReader reader, int counted)
    {
        do
        {
            reader.Skip();
            counted++;
        } while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);
        return $"A batch holds at most {ApiBody.MaxBatchItems:N0} items; this one has {counted:N0}.";
    }

    private static Rejection NotAValue(string field) => Rejection.Invalid(field, "must be a single value, not an object or array");

    /// <summary>The whole body in a pooled buffer; null when it is larger than <see cref="ApiBody.MaxBytes"/>.</summary>
    public static async Task<PooledBody?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ApiBody.MaxBytes) return null;
        var body = new PooledBody((int)(request.ContentLength ?? 16 * 1024) + 1);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(body.Free(), ct)) > 0)
            {
                body.Length += read;
                if (body.Length > ApiBody.MaxBytes) break;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body.Length = int.MaxValue;
        }
        if (body.Length <= ApiBody.MaxBytes) return body;
        body.Dispose();
        return null;
    }

    public sealed class PooledBody(int capacity) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(capacity);

        public int Length { get; set; }

        public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

        /// <summary>Room for the next read, doubling the buffer when it is full.</summary>
        public Memory<byte> Free()
        {
            if (Length == _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
            return _buffer.AsMemory(Length);
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
    }
}
