using System.Text;

namespace Console.Tests.Api;

/// <summary>Bodies that are hostile as a whole: not JSON, not decodable, too deep, too large.</summary>
public static class Bodies
{
    public const int OverLimit = 10 * 1024 * 1024 + 64;

    /// <summary>Each of these is a 400 (or 413) on every endpoint that reads a body.</summary>
    public static readonly (byte[] Body, string Note)[] Broken =
    [
        (Utf8(" \n\t "), "white space only"), (Utf8("null"), "null"), (Utf8("true"), "true"), (Utf8("123"), "a number"),
        (Utf8("\"text\""), "a string"), (Utf8("hello"), "not JSON"), (Utf8("<order><id>1</id></order>"), "XML"),
        (Utf8("orderId=1&amount=2"), "a form"), (Utf8("{'orderId': 'x'}"), "single quotes"), (Utf8("{orderId: \"x\"}"), "an unquoted key"),
        (Utf8("{\"a\":1,}"), "a trailing comma"), (Utf8("/* c */ {}"), "a comment"), (Utf8("{\"orderId\": \"x"), "cut short"),
        (Utf8("[{\"externalId\": \"x\","), "cut short in an array"), (Utf8("{} {}"), "two documents"), (Utf8("[] []"), "two arrays"),
        (Utf8("{\"a\":NaN}"), "NaN"), (Utf8("[{\"a\":Infinity}]"), "Infinity"), (Utf8("{\"a\":01}"), "a leading zero"),
        (Utf8("[{\"a\":.5}]"), "a number without its 0"), ([0xFF, 0xFE, 0xFD], "bytes that are not text"), ([0x00], "a NUL byte"),
        ([(byte)'{', 0xFF, (byte)'}'], "a raw FF between braces"), ([(byte)'[', 0xC0, 0xAF, (byte)']'], "an overlong byte pair in an array"),
        (Encoding.Unicode.GetBytes("{\"a\":1}"), "UTF-16 text"), (Encoding.Unicode.GetBytes("[{\"a\":1}]"), "a UTF-16 array"),
        ([.. Enumerable.Repeat((byte)'[', 10_000)], "10,000 unclosed arrays"),
        (Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000))), "10,000 unclosed objects"),
        (Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), "10,000 nested objects"),
        (Utf8("{\"a\":\"\\x41\"}"), "a bad escape"), (Utf8("[\"\\u12\"]"), "a short unicode escape"),
    ];

    public static readonly Lazy<byte[]> HugeArray = new(() => Padded("[{\"externalId\":\"huge\"}", "]"));
    public static readonly Lazy<byte[]> HugeObject = new(() => Padded("{\"name\":\"", "\"}"));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>UTF-8 with a byte order mark in front: some parsers skip it, some refuse it.</summary>
    public static byte[] WithBom(byte[] body) => [0xEF, 0xBB, 0xBF, .. body];

    public static byte[] Utf16(byte[] body) => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(body));

    private static byte[] Padded(string head, string tail)
    {
        var body = new byte[OverLimit];
        Array.Fill(body, (byte)' ');
        Encoding.UTF8.GetBytes(head).CopyTo(body, 0);
        Encoding.UTF8.GetBytes(tail).CopyTo(body, body.Length - tail.Length);
        if (head.EndsWith('"')) Array.Fill(body, (byte)'x', head.Length, body.Length - head.Length - tail.Length);
        return body;
    }
}
