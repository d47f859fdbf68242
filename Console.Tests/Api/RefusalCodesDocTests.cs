using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Tests.Support;

namespace Console.Tests.Api;

/// <summary>
/// The refusal codes the document shows: each is in the code enum a generated client switches on, has its English, and
/// sits under the status the API really answers it with.
/// </summary>
public sealed class RefusalCodesDocTests
{
    [Fact]
    public async Task Every_documented_refusal_is_in_the_enum_worded_in_english_and_under_its_real_status()
    {
        using var app = new ConsoleApp();
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;
        var enumCodes = root.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties")
            .GetProperty("code").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        var seen = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
        {
            if (!response.Value.TryGetProperty("content", out var content)
                || !content.TryGetProperty("application/problem+json", out var media)
                || !media.TryGetProperty("examples", out var examples)) continue;
            foreach (var example in examples.EnumerateObject())
            {
                var value = example.Value.GetProperty("value");
                var code = value.GetProperty("code").GetString()!;
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name} {response.Name} {code}";
                Assert.True(enumCodes.Contains(code), $"{where}: not in the code enum");
                Assert.Equal(response.Name, value.GetProperty("status").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.NotEqual(code, value.GetProperty("detail").GetString());
                seen++;
            }
        }
        Assert.True(seen >= 60, $"only {seen} refusal examples");
    }

    [Fact]
    public async Task An_unknown_experiment_and_email_campaign_answer_404_with_the_documented_code()
    {
        using var app = new ConsoleApp();
        using var client = await app.ClientWithKeyAsync(ApiKeyScope.Manage);

        foreach (var (url, code) in new[] { ("/api/v1/experiments/no-such-test", "experiment_not_found"), ("/api/v1/email-campaigns/987654", "email_campaign_not_found") })
        {
            var answer = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(code, body.GetProperty("code").GetString());
        }
    }
}
