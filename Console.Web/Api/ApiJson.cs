using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Console.Web.Api;

/// <summary>
/// How request bodies are read: camelCase names, unknown fields refused, and every scalar read by a converter of ours so
/// that a wrong type, a number out of range or text that is not valid Unicode fails with a message we wrote.
/// </summary>
internal static class ApiJson
{
    /// <summary>The largest amount whose fen still fit a 64-bit integer; anything larger is no money the console can hold.</summary>
    public const decimal MaxMoney = long.MaxValue / 100m;

    /// <summary>Single-object bodies: each field has its JSON type; names match as the web defaults do (any case).</summary>
    public static readonly JsonSerializerOptions Typed = Create(new JsonSerializerOptions(JsonSerializerOptions.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new TextConverter(), new DecimalConverter(), new WholeConverter<long>(long.MinValue, long.MaxValue, v => v),
            new WholeConverter<int>(int.MinValue, int.MaxValue, v => (int)v), new BoolConverter() },
    });

    /// <summary>Batch items: every value arrives as text (a number as its digits), as the CSV import sends it too.</summary>
    public static readonly JsonSerializerOptions Batch = Create(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new ScalarTextConverter() },
    });

    private static JsonSerializerOptions Create(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Thrown by our converters; the serializer adds the path of the field.</summary>
    public sealed class ValueException(bool invalidText, string message) : JsonException(message)
    {
        public bool InvalidText { get; } = invalidText;
    }

    /// <summary>The text of a string token; lone surrogates and invalid UTF-8 throw here rather than deep in the framework.</summary>
    public static string ReadText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new ValueException(true, "Is not valid Unicode text.");
        }
    }

    private static ValueException Wrong(string message) => new(false, message);

    private sealed class TextConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? ReadText(ref reader) : throw Wrong("Must be a string.");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class ScalarTextConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => ReadText(ref reader),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw Wrong("must be a single value, not an object or array"),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number) throw Wrong("Must be a number.");
            if (!reader.TryGetDecimal(out var value) || Math.Abs(value) > MaxMoney) throw Wrong("Is out of range.");
            return value;
        }

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class WholeConverter<T>(long min, long max, Func<long, T> cast) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number) throw Wrong("Must be a whole number.");
            if (reader.TryGetDecimal(out var value) && value == decimal.Truncate(value) && value >= min && value <= max)
                return cast((long)value);
            throw reader.TryGetDouble(out var d) && double.IsFinite(d) && d != Math.Floor(d)
                ? Wrong("Must be a whole number.")
                : Wrong($"Must be a whole number from {min} to {max}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value);
    }

    private sealed class BoolConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Wrong("Must be true or false."),
        };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }
}
