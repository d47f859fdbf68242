using Console.Domain.Text;

namespace Console.Tests.Text;

public sealed class ThemesTests
{
    private static readonly string[] Answers =
    [
        "直播卡顿，画面一直卡", "直播太卡了，声音也断断续续", "卡顿严重，直播看不下去", "画面卡顿，希望改善直播线路",
        "老师讲得清楚，内容实用", "老师讲解很清楚，例子实用", "内容实用，老师很专业", "老师讲得好，内容扎实",
        "The price is too high for a short course", "Price is high, a discount would help", "Too expensive, the price should drop",
        "Refund took two weeks", "Still waiting for my refund", "The refund process is slow",
        "课程价格太贵了", "价格偏贵，希望有优惠", "优惠券用不了，价格贵",
    ];

    [Fact]
    public void The_same_texts_always_give_the_same_themes()
    {
        var first = Themes.Find(Answers, maxThemes: 6, seed: 7);
        var second = Themes.Find(Answers.ToArray(), maxThemes: 6, seed: 7);
        Assert.Equal(Describe(first), Describe(second));
        Assert.NotEmpty(first);
    }

    [Fact]
    public void Themes_cover_every_text_with_terms_once_and_carry_examples_from_their_members()
    {
        var themes = Themes.Find(Answers, maxThemes: 8);
        var members = themes.SelectMany(t => t.Members).ToList();
        Assert.Equal(members.Count, members.Distinct().Count());
        Assert.Equal(Answers.Length, members.Count);
        Assert.Equal(1.0, themes.Sum(t => t.Share), 3);
        Assert.All(themes, t => Assert.All(t.Examples, e => Assert.Contains(e, t.Members)));
        Assert.All(themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Label)));
        Assert.True(themes.Count <= 8);
    }

    [Fact]
    public void Complaints_about_lag_end_up_together()
    {
        var themes = Themes.Find(Answers, maxThemes: 8);
        var lag = themes.Single(t => t.Members.Contains(0));
        Assert.Contains(2, lag.Members);
        Assert.DoesNotContain(8, lag.Members);
    }

    [Fact]
    public void No_texts_give_no_themes() => Assert.Empty(Themes.Find([]));

    private static string Describe(IReadOnlyList<TextTheme> themes) =>
        string.Join("\n", themes.Select(t => $"{t.Label}|{t.Share}|{string.Join(",", t.Members)}|{string.Join(",", t.Examples)}"));
}
