namespace Console.Domain.Text;

/// <summary>
/// Function words of both languages. Negations and degree words (not, never, 不, 没, 很, 太) are not among them:
/// they turn or scale a sentiment, so the classifier keeps them; keywords and themes drop them as well.
/// </summary>
public static class StopWords
{
    public static readonly IReadOnlySet<string> English = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "below", "between", "both", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
        "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
        "myself", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
        "there", "these", "they", "this", "those", "through", "to", "under", "until", "up", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves", "s", "t", "d", "ll", "m", "re", "ve", "also", "us", "got", "get", "one", "im", "ive",
    };

    public static readonly IReadOnlySet<string> Chinese = new HashSet<string>(StringComparer.Ordinal)
    {
        "的", "了", "是", "在", "和", "与", "及", "或", "就", "都", "而", "也", "还", "又", "把", "被", "让", "给", "对", "从", "向",
        "到", "以", "于", "为", "着", "过", "之", "这", "那", "这个", "那个", "这些", "那些", "这样", "那样", "这里", "那里",
        "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "它们", "自己", "大家", "啊", "吧", "呢", "吗", "哦",
        "呀", "嘛", "啦", "哈", "嗯", "么", "个", "一个", "一些", "有", "有点", "就是", "还是", "但是", "因为", "所以", "如果",
        "然后", "而且", "并且", "虽然", "可以", "已经", "这种", "那种", "什么", "怎么", "一下", "一样", "时候", "现在", "等",
        "等等", "其", "其中", "该", "每", "各", "些", "得", "地", "很多", "比较", "觉得", "感觉", "说", "看", "会", "能", "要",
    };

    /// <summary>Words that turn or scale a sentiment: kept by the classifier, dropped from keywords and themes.</summary>
    public static readonly IReadOnlySet<string> Modifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "not", "no", "nor", "never", "very", "too", "bit", "lot", "but", "don", "didn", "doesn", "isn", "wasn", "aren", "weren",
        "不", "没", "没有", "很", "太", "非常", "不是", "不会", "真", "挺", "特别", "最", "更", "还",
    };

    public static bool IsStop(string token, string language) =>
        language == SentimentLabels.Chinese ? Chinese.Contains(token) : English.Contains(token);
}
