using System.Text.Json;
using System.Text.RegularExpressions;
using Console.Tests.Support;

namespace Console.Tests.Api;

/// <summary>/api/docs and the document it renders: nothing that calls out, and a contract a newcomer can read.</summary>
public sealed partial class ApiDocsPageTests
{
    [Fact]
    public async Task The_docs_page_loads_its_scripts_from_this_host_and_turns_off_what_calls_out()
    {
        using var app = new ConsoleApp();
        var client = app.CreateClient();
        var html = await client.GetStringAsync("/api/docs");

        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.False(src.StartsWith("http", StringComparison.OrdinalIgnoreCase) || src.StartsWith("//", StringComparison.Ordinal), src));
        foreach (var src in scripts)
            Assert.True((await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), src))).IsSuccessStatusCode, src);
        // The page itself names no outside address: no CDN, fonts, proxy or telemetry endpoint.
        var outside = ExternalUrl().Matches(html).Select(m => m.Value).Where(u => !u.StartsWith("http://localhost", StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0, string.Join(", ", outside));
        Assert.Contains("\"telemetry\":false", html.Replace(" ", ""), StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html.Replace(" ", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("proxyUrl", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_document_describes_every_body_field_scope_and_tag_and_leaves_console_routes_out()
    {
        using var app = new ConsoleApp();
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;
        Assert.Equal("Campaign Console API", root.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("header", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("in").GetString());

        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(paths, p => Assert.True(p.StartsWith("/api/v1/", StringComparison.Ordinal) || p.StartsWith("/health/", StringComparison.Ordinal), p));
        var tags = root.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var where = $"{operation.Name} {path.Name}";
            Assert.All(operation.Value.GetProperty("tags").EnumerateArray(), t => Assert.Contains(t.GetString(), tags));
            Assert.True(operation.Value.TryGetProperty("summary", out _), where);
            if (!path.Name.StartsWith("/api/", StringComparison.Ordinal)) continue;
            Assert.Contains("scope", operation.Value.GetProperty("description").GetString(), StringComparison.Ordinal);
            if (operation.Name is "post" or "patch")
                Assert.True(operation.Value.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), where);
        }

        // Every field of every request body says what it is; a field renamed in code but not in ApiFields loses its words here.
        var schemas = root.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "CustomerIn", "CourseIn", "LiveSessionIn", "EventIn", "QuoteOrderCommand", "CreateOrderCommand",
                     "RefundOrderCommand", "ValidateCouponCommand", "CouponCampaignInput", "CreateGroupBuyCampaignInput", "GroupBuyRequest" })
            foreach (var field in schemas.GetProperty(name).GetProperty("properties").EnumerateObject())
                Assert.True(field.Value.TryGetProperty("description", out _), $"{name}.{field.Name} has no description");
        var refusals = root.GetProperty("paths").GetProperty("/api/v1/orders").GetProperty("post").GetProperty("responses").GetProperty("409");
        Assert.Contains("`coupon_exhausted`", refusals.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    [GeneratedRegex("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\"'\\s<]*", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
