using System.Buffers;
using System.Text;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Web.Api;

/// <summary>
/// Turns batch items into the domain's text records. JSON scalars become their text; an item that is not an object,
/// a field holding an object or array, a field the record does not have, or text that is not valid Unicode rejects
/// that item here, by its index, and the rest go on.
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

        /// <summary>The merged rejections, once added to today's counts on the Admin start page.</summary>
        public async Task<IReadOnlyList<Rejection>> MergeCountedAsync(IReadOnlyList<Rejection> domain, CountRejections counts,
            CancellationToken ct)
        {
            var all = Merge(domain);
            await counts.AddAsync(all, ct);
            return all;
        }
    }

    /// <summary>
    /// Reads a batch body and deserialises each item into <typeparamref name="T"/> by field name. A body that is not one
    /// JSON array of at most 5,000 items is a problem; an item that cannot become a record is rejected by its index.
    /// </summary>
    public static (Mapped<T>? Mapped, string? Problem) Read<T>(ReadOnlySpan<byte> body) where T : class
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (Start(ref reader) is { } problem) return (null, problem);
            var mapped = new Mapped<T>(new List<T>(Math.Min(ApiBody.MaxBatchItems, body.Length / 64 + 1)), [], []);
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (index == ApiBody.MaxBatchItems) return (null, TooMany(ref reader, index));
                var start = (int)reader.TokenStartIndex;
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                reader.Skip();
                T? item = null;
                var refused = isObject ? Deserialize(body[start..(int)reader.BytesConsumed], out item) : Rejection.InvalidItem();
                if (refused is not null) mapped.Rejected.Add(refused with { Index = index });
                else
                {
                    mapped.Items.Add(item!);
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
            return (null, NotJson(e, reader.BytesConsumed));
        }
    }

    private static Rejection? Deserialize<T>(ReadOnlySpan<byte> json, out T? item) where T : class
    {
        item = null;
        try
        {
            item = JsonSerializer.Deserialize<T>(json, ApiJson.Batch);
            return null;
        }
        catch (JsonException e)
        {
            var error = BodyError.Of(e, typeof(T), ApiJson.Batch);
            return error.Kind switch
            {
                BodyError.Kinds.UnknownField => Rejection.UnknownField(error.Name!, error.Suggestion),
                BodyError.Kinds.InvalidText => Rejection.InvalidText(error.Field),
                BodyError.Kinds.InvalidValue when error.Field is not null => Rejection.Invalid(error.Field, error.Message),
                _ => Rejection.InvalidItem(),
            };
        }
        catch (InvalidOperationException)
        {
            return Rejection.InvalidText(null);
        }
    }

    /// <summary>Field names as UTF-8, for <see cref="Parse{T}"/>.</summary>
    public static byte[][] Utf8Names(string[] fields) => fields.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>
    /// The same answers as <see cref="Read{T}"/> in one forward pass over the raw body, with no serializer per item: a
    /// problem for a body that is not a JSON array of at most 5,000 items, the last of repeated properties wins, and the
    /// first problem in the item's text (an unknown name, text that is not Unicode, an object or array) rejects it.
    /// </summary>
    public static (Mapped<T>? Mapped, string? Problem) Parse<T>(ReadOnlySpan<byte> body, string[] fields, byte[][] names,
        Func<string?[], T> create, IReadOnlyList<string>? knownTexts = null)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (Start(ref reader) is { } problem) return (null, problem);
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
                if (ReadObject(ref reader, fields, names, values, knownTexts) is { } refused) mapped.Rejected.Add(refused with { Index = index });
                else
                {
                    mapped.Items.Add(create(values));
                    mapped.Positions.Add(index);
                }
                index++;
            }
            reader.Read();
            return (mapped, null);
        }
        catch (JsonException e)
        {
            return (null, NotJson(e, reader.BytesConsumed));
        }
    }

    private static string? Start(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) return "The body is empty.";
        if (reader.TokenType == JsonTokenType.StartArray) return null;
        reader.Skip();
        return "The body must be a JSON array of items.";
    }

    private static string NotJson(JsonException e, long at) =>
        $"The body is not valid JSON at byte {at}: {e.Message.Split('\n')[0].Trim()}";

    /// <summary>Reads one object's properties into <paramref name="values"/>; the first problem met rejects the item, the rest is skipped.</summary>
    private static Rejection? ReadObject(ref Utf8JsonReader reader, string[] fields, byte[][] names, string?[] values,
        IReadOnlyList<string>? knownTexts)
    {
        Rejection? refused = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var f = refused is null ? FieldOf(ref reader, fields, names, out refused) : -1;
            reader.Read();
            if (f < 0)
            {
                reader.Skip();
                continue;
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    try { values[f] = Known(ref reader, knownTexts) ?? reader.GetString(); }
                    catch (InvalidOperationException) { refused = Rejection.InvalidText(fields[f]); }
                    break;
                case JsonTokenType.Number: values[f] = Encoding.UTF8.GetString(reader.ValueSpan); break;
                case JsonTokenType.True: values[f] = "true"; break;
                case JsonTokenType.False: values[f] = "false"; break;
                case JsonTokenType.Null: values[f] = null; break;
                default:
                    reader.Skip();
                    refused = NotAValue(fields[f]);
                    break;
            }
        }
        return refused;
    }

    private static int FieldOf(ref Utf8JsonReader reader, string[] fields, byte[][] names, out Rejection? refused)
    {
        refused = null;
        try
        {
            for (var f = 0; f < names.Length; f++)
                if (reader.ValueTextEquals(names[f])) return f;
            // Unknown names are rare, so only they pay for decoding the name and finding the nearest field.
            var name = reader.ValueIsEscaped ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
            refused = name.Contains('\uFFFD') ? Rejection.InvalidText(null) : Rejection.UnknownField(name, UnknownFields.Nearest(name, fields));
        }
        catch (InvalidOperationException)
        {
            refused = Rejection.InvalidText(null);
        }
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

    /// <summary>A batch body read into records; the problem to answer instead when it is too large or no batch at all.</summary>
    public static async Task<(Mapped<T>? Mapped, IResult? Problem)> ReadBatchAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        using var body = await ReadBodyAsync(request, ct);
        if (body is null) return (null, ApiBody.TooLarge());
        var (mapped, problem) = Read<T>(body.Span);
        return problem is null ? (mapped, null) : (null, Problems.BadRequest(problem));
    }

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
