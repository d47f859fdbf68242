using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Console.Web.Api;

/// <summary>
/// What was wrong with a body or a batch item, told by field in the API's camelCase names. Built from the path the
/// serializer reports, never from its message, which names .NET types.
/// </summary>
internal sealed record BodyError(BodyError.Kinds Kind, string? Field, string Message, string? Name = null, string? Suggestion = null)
{
    public enum Kinds { UnknownField, InvalidText, InvalidValue, Shape, Syntax }

    private const string NotUnicode = "Is not valid Unicode text.";

    public static BodyError Of(JsonException e, Type target, JsonSerializerOptions options)
    {
        if (e.InnerException is JsonException || e.GetType().Name == "JsonReaderException")
            return new(Kinds.Syntax, null, $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        var at = Locate(e.Path, target, options);
        if (at.Unknown is { } name)
        {
            // The serializer puts U+FFFD where a name held bytes that are not UTF-8.
            if (name.Contains('\uFFFD')) return new(Kinds.InvalidText, null, NotUnicode);
            var suggestion = UnknownFields.Nearest(name, at.Known);
            // A hostile name can be megabytes long; the answer names enough of it to find it.
            var field = at.Field.Length > 200 ? at.Field[..200] + "…" : at.Field;
            return new(Kinds.UnknownField, field, UnknownFields.Message(suggestion), name, suggestion);
        }
        if (e is ApiJson.ValueException value)
            return new(value.InvalidText ? Kinds.InvalidText : Kinds.InvalidValue, Blank(at.Field), value.Message);
        // A property name whose escapes make no text (a lone surrogate) fails while the name is read.
        if (e.InnerException is InvalidOperationException) return new(Kinds.InvalidText, Blank(at.Field), NotUnicode);
        if (at.Field.Length == 0)
            return new(Kinds.Shape, null, at.Target.Kind == JsonTypeInfoKind.Object ? "The body must be a JSON object." : "The body has the wrong shape.");
        return new(Kinds.InvalidValue, at.Field, at.Target.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "Must be an array.",
            JsonTypeInfoKind.Object => "Must be an object.",
            _ => "Has the wrong type.",
        });
    }

    private static string? Blank(string field) => field.Length == 0 ? null : field;

    private sealed record Location(string Field, JsonTypeInfo Target, string? Unknown = null, IReadOnlyList<string>? KnownNames = null)
    {
        public IReadOnlyList<string> Known => KnownNames ?? [];
    }

    /// <summary>Follows the path through the target's contract: canonical names for fields found, the first name that is not.</summary>
    private static Location Locate(string? path, Type target, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(target);
        var field = new List<string>();
        foreach (var name in Segments(path))
        {
            if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element) info = options.GetTypeInfo(element);
            var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var property = info.Kind == JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison)) : null;
            if (property is null)
                return new(string.Join('.', field.Append(name)), info, name, info.Properties.Select(p => p.Name).ToList());
            field.Add(property.Name);
            info = options.GetTypeInfo(property.PropertyType);
        }
        return new(string.Join('.', field), info);
    }

    /// <summary>The names in a path such as <c>$.groupBuy.campaignId</c>, <c>$['odd.name']</c> or <c>$.couponCodes[2]</c>; indexes are dropped.</summary>
    private static List<string> Segments(string? path)
    {
        var names = new List<string>();
        if (string.IsNullOrEmpty(path)) return names;
        var i = path[0] == '$' ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                names.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) break;
                names.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) break;
                i = end + 1;
            }
            else break;
        }
        return names;
    }
}
