using Bunit;
using Console.Domain.Data;

using Console.Tests.Support;
using Console.Web.Components.Pages.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Text;

/// <summary>The correction component on a real store: a different label is stored with its reference and author; the same one is not.</summary>
public sealed class SentimentCorrectionTests : UiContext
{
    public SentimentCorrectionTests()
    {
        Services.AddSingleton<WriteGate>();
        Services.AddSingleton<StatementRunner>();
        Services.AddSingleton<Console.Domain.Text.SaveSentimentCorrection>();
        AddAuthorization().SetAuthorized("marketer@x.io");
    }

    [Fact]
    public void Picking_another_label_stores_a_correction_and_marks_it_chosen()
    {
        string? told = null;
        var cut = Render<SentimentCorrection>(p => p.Add(c => c.Text, "直播卡顿，但老师很好").Add(c => c.Label, "negative")
            .Add(c => c.Reference, "survey_response:7").Add(c => c.Corrected, (string l) => told = l));

        cut.Find("button[data-testid=sentiment-negative]").Click();
        Assert.Equal(0, Count());

        cut.Find("button[data-testid=sentiment-neutral]").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("button[data-testid=sentiment-neutral]").GetAttribute("aria-pressed")));
        Assert.Equal("neutral", told);
        using var connection = Store.Db.Open();
        var row = connection.QuerySingle<(string Text, string Language, string Label, string Reference, string CorrectedBy)>(
            "SELECT text, language, label, reference, corrected_by FROM text_sentiment_corrections");
        Assert.Equal(("直播卡顿，但老师很好", "zh", "neutral", "survey_response:7", "marketer@x.io"), row);
    }

    private int Count()
    {
        using var connection = Store.Db.Open();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM text_sentiment_corrections");
    }
}
