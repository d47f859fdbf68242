using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Console.Tests.Support;

/// <summary>Checks on problem documents, and bodies no serializer would write (bytes that are not UTF-8).</summary>
public static class ProblemAssert
{
    /// <summary>JSON text in which each '#' stands for the byte 0xFF, which no UTF-8 text holds.</summary>
    public static ByteArrayContent BadBytes(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'#') bytes[i] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A problem document of the given status that tells nothing of the code behind it; its parsed body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        NoInternals(text);
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>A 400 whose errors name the field with the message given (or any message when null).</summary>
    public static async Task<string[]> FieldAsync(HttpResponseMessage response, string field, string? message = null)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
        Assert.True(errors.TryGetProperty(field, out var messages), $"no '{field}' in {errors}");
        var list = messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
        if (message is not null) Assert.Contains(message, list);
        return list;
    }

    /// <summary>No .NET type or namespace, stack frame, exception name or SQL in what a client is shown.</summary>
    public static void NoInternals(string text)
    {
        foreach (var leak in new[] { "Console.", "System.", "Microsoft.", "Exception", "   at ", ".cs:line", "SELECT ", "INSERT ", "UPDATE ", "SQLite" })
            Assert.False(text.Contains(leak, StringComparison.Ordinal), $"'{leak}' shown to the client: {text}");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, Json(json));
}
