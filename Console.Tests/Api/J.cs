using System.Globalization;
using System.Text;

namespace Console.Tests.Api;

/// <summary>
/// JSON built from parts, so that a body can hold what no serializer writes: raw invalid bytes, escaped lone
/// surrogates, duplicate keys, numbers past every numeric type, 10,000 levels of nesting.
/// </summary>
public abstract record J
{
    public static readonly J Null = Lit("null");
    public static readonly J True = Lit("true");
    public static readonly J False = Lit("false");
    public static readonly J EmptyObject = new Obj([]);
    public static readonly J EmptyArray = new Arr([]);

    /// <summary>Bytes written as they are.</summary>
    public sealed record Raw(byte[] Bytes) : J;

    /// <summary>A well-formed string; the text must be valid UTF-16.</summary>
    public sealed record Str(string Value) : J;

    /// <summary>Members in order; a key may repeat.</summary>
    public sealed record Obj(IReadOnlyList<KeyValuePair<string, J>> Members) : J;

    public sealed record Arr(IReadOnlyList<J> Items) : J;

    public static J Text(string text) => new Str(text);

    public static J Lit(string literal) => new Raw(Encoding.UTF8.GetBytes(literal));

    public static J Num(decimal value) => Lit(value.ToString(CultureInfo.InvariantCulture));

    public static J Object(params (string Key, J Value)[] members) =>
        new Obj(members.Select(m => KeyValuePair.Create(m.Key, m.Value)).ToList());

    public static J Array(params J[] items) => new Arr(items);

    public static J Texts(params string[] texts) => new Arr(texts.Select(Text).ToList());

    /// <summary>A string whose content bytes are given raw, between the quotes.</summary>
    public static J RawString(params byte[] content) => new Raw([(byte)'"', .. content, (byte)'"']);

    /// <summary>Arrays nested <paramref name="depth"/> deep.</summary>
    public static J Deep(int depth) => new Raw([.. Enumerable.Repeat((byte)'[', depth), .. Enumerable.Repeat((byte)']', depth)]);

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Write(stream);
        return stream.ToArray();
    }

    private void Write(Stream output)
    {
        switch (this)
        {
            case Raw raw: output.Write(raw.Bytes); break;
            case Str str: WriteString(output, str.Value); break;
            case Obj obj:
                output.WriteByte((byte)'{');
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    if (i > 0) output.WriteByte((byte)',');
                    WriteString(output, obj.Members[i].Key);
                    output.WriteByte((byte)':');
                    obj.Members[i].Value.Write(output);
                }
                output.WriteByte((byte)'}');
                break;
            case Arr arr:
                output.WriteByte((byte)'[');
                for (var i = 0; i < arr.Items.Count; i++)
                {
                    if (i > 0) output.WriteByte((byte)',');
                    arr.Items[i].Write(output);
                }
                output.WriteByte((byte)']');
                break;
        }
    }

    private static void WriteString(Stream output, string text)
    {
        var escaped = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c == '"') escaped.Append("\\\"");
            else if (c == '\\') escaped.Append("\\\\");
            else if (c < 0x20) escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else escaped.Append(c);
        }
        output.Write(new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(escaped.Append('"').ToString()));
    }
}
