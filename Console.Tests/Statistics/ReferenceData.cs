using System.Text.Json;
using System.Text.Json.Nodes;
using Console.Tests.Support;

namespace Console.Tests.Statistics;

/// <summary>
/// The values Reference/make_reference.py computed with scipy and statsmodels from the formulas of docs/api.md
/// "Statistics", and how an answer is held against them: every number within the file's tolerance (relative above 1).
/// </summary>
public static class ReferenceData
{
    public static readonly JsonElement Root = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(Repo.Root, "Console.Tests", "Statistics", "Reference", "reference.json"))).RootElement.Clone();

    public static double Tolerance => Root.GetProperty("tolerance").GetDouble();

    public static IEnumerable<JsonElement> Cases(string group) => Root.GetProperty(group).EnumerateArray();

    public static JsonElement Case(string group, string name) => Cases(group).Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string group) => [.. Cases(group).Select(c => c.GetProperty("name").GetString()!)];

    /// <summary>The case's request body: everything but its name and what is expected of it.</summary>
    public static JsonObject Body(JsonElement c)
    {
        var body = JsonNode.Parse(c.GetRawText())!.AsObject();
        body.Remove("name");
        body.Remove("expected");
        body.Remove("error");
        return body;
    }

    public static void Matches(JsonElement expected, JsonElement actual, string where)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value), $"{where}: no '{property.Name}' in {actual}");
                    Matches(property.Value, value, $"{where}.{property.Name}");
                }
                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++) Matches(expected[i], actual[i], $"{where}[{i}]");
                break;
            case JsonValueKind.Number:
                Assert.Equal(JsonValueKind.Number, actual.ValueKind);
                var (e, a) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(e - a) <= Tolerance * Math.Max(1, Math.Abs(e)), $"{where}: expected {e:R}, got {a:R}");
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }

    public static JsonElement ToJson(object answer) => JsonSerializer.SerializeToElement(answer, JsonSerializerOptions.Web);
}
