using Console.Domain.Data;
using Console.Domain.Text;

namespace Console.Web.Api;

/// <summary>Sentiment and keywords of free text in Chinese and English (API.md "Text analysis"); nothing is stored.</summary>
internal static class TextApi
{
    public const int MaxSentimentItems = 1_000;
    public const int MaxKeywordTexts = ApiBody.MaxBatchItems;
    public const int MaxTextLength = 10_000;
    public const int MaxIdLength = 200;
    public const int DefaultTop = 20;
    public const int MaxTop = 200;

    public static void Map(RouteGroupBuilder v1)
    {
        var text = v1.MapGroup("/text").RequireAuthorization(ApiKeyAuthentication.IngestPolicy).WithTags("Text analysis");
        text.MapPost("/sentiment", SentimentAsync).Accepts<List<SentimentItem>>("application/json").Produces<List<SentimentAnswer>>()
            .Documented("TextSentiment",
                $"The sentiment of up to {MaxSentimentItems:N0} texts, each in Chinese or English (detected per text): positive, neutral or negative, and P(positive).",
                new[] { new SentimentItem("r-1", "老师讲得很清楚，直播间的优惠也很划算"), new SentimentItem("r-2", "The stream kept freezing and nobody answered my question.") });
        text.MapPost("/keywords", KeywordsAsync).Accepts<KeywordsRequest>("application/json").Produces<List<KeywordAnswer>>()
            .Documented("TextKeywords",
                "The terms that weigh most in a set of texts by TF-IDF (jieba words for Chinese, word stems for English, stop words dropped).",
                new KeywordsRequest(["课程内容很实用，老师讲得清楚", "Great course, the teacher explains clearly", "直播回放什么时候上线？"], 10));
    }

    /// <summary>id is the caller's, given back as sent; text is at most 10,000 characters.</summary>
    public sealed record SentimentItem(string? Id, string? Text);

    /// <summary>language: zh or en; label: positive, neutral or negative; positive: the probability (0–1) that the text is positive.</summary>
    public sealed record SentimentAnswer(string Id, string Language, string Label, double Positive);

    /// <summary>texts: 1 to 5,000 texts of at most 10,000 characters; top: how many terms, 1 to 200 (default 20).</summary>
    public sealed record KeywordsRequest(IReadOnlyList<string?>? Texts, int? Top);

    /// <summary>weight: the term's TF-IDF summed over the texts; count: how often it occurs.</summary>
    public sealed record KeywordAnswer(string Term, double Weight, int Count);

    private static async Task<IResult> SentimentAsync(HttpRequest request, SentimentScorer scorer, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<List<SentimentItem?>>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var items = body.Value!;
        var fields = new FieldErrors();
        if (items.Count > MaxSentimentItems) fields.Add("items", FieldCodes.TooManyItems, MaxSentimentItems);
        for (var i = 0; i < items.Count && fields.Count < 50; i++)
        {
            var item = items[i];
            if (string.IsNullOrWhiteSpace(item?.Id)) fields.Add($"[{i}].id", FieldCodes.Required);
            else if (item.Id.Length > MaxIdLength) fields.Add($"[{i}].id", FieldCodes.TooLong, MaxIdLength);
            if (string.IsNullOrWhiteSpace(item?.Text)) fields.Add($"[{i}].text", FieldCodes.Required);
            else if (item.Text.Length > MaxTextLength) fields.Add($"[{i}].text", FieldCodes.TooLong, MaxTextLength);
        }
        if (!fields.Valid) return Problems.Validation(fields);
        var scores = await scorer.ScoreAsync(items.Select(i => i!.Text!).ToList(), ct);
        return TypedResults.Ok(items.Select((item, i) => new SentimentAnswer(item!.Id!, scores[i].Language, scores[i].Label, scores[i].Positive)).ToList());
    }

    private static async Task<IResult> KeywordsAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<KeywordsRequest>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var (texts, top) = (body.Value!.Texts, body.Value.Top ?? DefaultTop);
        var fields = new FieldErrors();
        if (texts is null || texts.Count == 0) fields.Add("texts", FieldCodes.Required);
        else if (texts.Count > MaxKeywordTexts) fields.Add("texts", FieldCodes.TooManyItems, MaxKeywordTexts);
        else if (texts.Any(t => t is null || t.Length > MaxTextLength)) fields.Add("texts", FieldCodes.ItemLength, MaxTextLength);
        if (top is < 1 or > MaxTop) fields.Add("top", FieldCodes.Between, 1, MaxTop);
        if (!fields.Valid) return Problems.Validation(fields);
        var keywords = await Task.Run(() => Keywords.Top(texts!.Select(t => t!).ToList(), top), ct);
        return TypedResults.Ok(keywords.Select(k => new KeywordAnswer(k.Term, k.Weight, k.Count)).ToList());
    }
}
