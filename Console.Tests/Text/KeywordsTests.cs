using Console.Domain.Text;

namespace Console.Tests.Text;

public sealed class KeywordsTests
{
    [Fact]
    public void The_commonest_distinctive_terms_come_first_in_their_readable_form()
    {
        var top = Keywords.Top(["The refund was slow", "Refunds take weeks", "Great teacher", "直播卡顿", "直播卡顿严重", "the the the"], 3);
        Assert.Equal(3, top.Count);
        Assert.Contains(top, k => k.Term == "直播" && k.Count == 2);
        Assert.Contains(top, k => k.Term is "refund" or "refunds" && k.Count == 2);
        Assert.DoesNotContain(top, k => k.Term == "the");
        Assert.True(top[0].Weight >= top[1].Weight && top[1].Weight >= top[2].Weight);
    }

    [Fact]
    public void Keywords_are_the_same_every_time() =>
        Assert.Equal(Keywords.Top(["课程很好", "课程内容实用", "price too high"], 5), Keywords.Top(["课程很好", "课程内容实用", "price too high"], 5));
}
