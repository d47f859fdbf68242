using Console.Domain.Text;

namespace Console.Tests.Text;

public sealed class TextTokensTests
{
    [Theory]
    [InlineData("老师讲得很好", "zh")]
    [InlineData("这个course真的很棒", "zh")]
    [InlineData("Great course, loved it", "en")]
    [InlineData("I visited 北京 last summer and loved every minute", "en")]
    [InlineData("", "en")]
    public void Language_is_told_by_Han_characters_against_Latin_letters(string text, string language) =>
        Assert.Equal(language, TextLanguage.Detect(text));

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("running", "run")]
    [InlineData("hopping", "hop")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "gener")]
    [InlineData("happiness", "happi")]
    [InlineData("agreed", "agre")]
    [InlineData("controlling", "control")]
    public void Porter_stems_match_the_published_examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void Chinese_is_cut_into_jieba_words_with_stop_words_dropped_and_negations_kept()
    {
        var tokens = TextTokens.ForSentiment("这个课程的内容不实用，我们很失望", "zh");
        Assert.Contains("课程", tokens);
        Assert.Contains("不", tokens);
        Assert.Contains("失望", tokens);
        Assert.DoesNotContain("的", tokens);
        Assert.DoesNotContain("我们", tokens);
        Assert.DoesNotContain("，", tokens);
    }

    [Fact]
    public void English_contractions_open_into_a_negation_and_words_are_stemmed()
    {
        var tokens = TextTokens.ForSentiment("I didn't like the lessons", "en");
        Assert.Equal(["not", "like", "lesson"], tokens);
    }
}
