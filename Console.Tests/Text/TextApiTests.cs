using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Text;
using Console.Tests.Support;

namespace Console.Tests.Text;

/// <summary>POST /api/v1/text/sentiment and /keywords through the real HTTP pipeline.</summary>
public sealed class TextApiTests : IAsyncLifetime
{
    private readonly ConsoleApp _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await _app.ClientWithKeyAsync(ApiKeyScope.Ingest);
        // The first call trains the models from the shipped text (once per test run); do it here, not inside an HTTP timeout.
        await _app.Service<SentimentScorer>().ModelsAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sentiment_answers_each_text_in_order_with_its_language_label_and_probability()
    {
        using var response = await _client.PostAsync("/api/v1/text/sentiment", ProblemAssert.Json("""
            [{"id":"a","text":"老师讲得非常好，内容很实用，推荐购买"},
             {"id":"b","text":"The stream kept freezing, terrible sound, I want a refund"},
             {"id":"c","text":"直播一直卡顿，声音听不清，太失望了"}]
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = await response.Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(["a", "b", "c"], items!.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["zh", "en", "zh"], items!.Select(i => i.GetProperty("language").GetString()));
        Assert.Equal(["positive", "negative", "negative"], items!.Select(i => i.GetProperty("label").GetString()));
        Assert.All(items!, i => Assert.InRange(i.GetProperty("positive").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task Sentiment_names_each_bad_field_and_refuses_unknown_ones()
    {
        using var missing = await _client.PostAsync("/api/v1/text/sentiment", ProblemAssert.Json("""[{"id":"a","text":" "},{"text":"ok"}]"""));
        await ProblemAssert.FieldAsync(missing, "[0].text", "Required.");
        using var noId = await _client.PostAsync("/api/v1/text/sentiment", ProblemAssert.Json("""[{"text":"ok"}]"""));
        await ProblemAssert.FieldAsync(noId, "[0].id", "Required.");
        using var unknown = await _client.PostAsync("/api/v1/text/sentiment", ProblemAssert.Json("""[{"id":"a","text":"ok","lang":"en"}]"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("lang", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var notArray = await _client.PostAsync("/api/v1/text/sentiment", ProblemAssert.Json("""{"id":"a","text":"ok"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, notArray.StatusCode);
    }

    [Fact]
    public async Task Sentiment_takes_at_most_a_thousand_texts()
    {
        var body = JsonSerializer.Serialize(Enumerable.Range(0, 1001).Select(i => new { id = $"r{i}", text = "ok" }));
        using var response = await _client.PostAsync("/api/v1/text/sentiment", ProblemAssert.Json(body));
        await ProblemAssert.FieldAsync(response, "items", "At most 1000 items.");
    }

    [Fact]
    public async Task Keywords_answer_the_top_terms_and_check_their_fields()
    {
        using var response = await _client.PostAsync("/api/v1/text/keywords", ProblemAssert.Json("""
            {"texts":["直播卡顿严重","直播卡顿","The refund was slow","Refunds take weeks"],"top":2}
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var terms = await response.Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(2, terms!.Length);
        Assert.All(terms, t => Assert.Equal(2, t.GetProperty("count").GetInt32()));
        Assert.True(terms[0].GetProperty("weight").GetDouble() >= terms[1].GetProperty("weight").GetDouble());

        using var bad = await _client.PostAsync("/api/v1/text/keywords", ProblemAssert.Json("""{"texts":[],"top":0}"""));
        await ProblemAssert.FieldAsync(bad, "texts", "Required.");
        using var top = await _client.PostAsync("/api/v1/text/keywords", ProblemAssert.Json("""{"texts":["a b c"],"top":201}"""));
        await ProblemAssert.FieldAsync(top, "top", "Must be between 1 and 200.");
        using var unknown = await _client.PostAsync("/api/v1/text/keywords", ProblemAssert.Json("""{"texts":["a"],"limit":3}"""));
        await ProblemAssert.FieldAsync(unknown, "limit", "Unknown field.");
    }

    [Fact]
    public async Task A_request_without_a_key_is_refused()
    {
        using var anonymous = _app.CreateClient();
        using var response = await anonymous.PostAsync("/api/v1/text/sentiment", ProblemAssert.Json("""[{"id":"a","text":"ok"}]"""));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
