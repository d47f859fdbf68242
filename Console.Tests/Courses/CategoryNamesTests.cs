using System.Globalization;
using Bunit;
using Console.Domain.Courses;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Tests.Support;
using Console.Web.Components.Pages.Courses;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Courses;

/// <summary>A category is shown as the platform sent it until a marketer names it; the demo's categories carry both names.</summary>
public sealed class CategoryNamesTests : UiContext
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-Hans");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    private CategoryNames Names => Services.GetRequiredService<CategoryNames>();

    private void Courses(params string?[] categories)
    {
        using var connection = Store.Db.Open();
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < categories.Length; i++)
            connection.Execute("""
                INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at)
                VALUES (@id, @title, @category, 100, @now, @now)
                """, new { id = $"k-{i}", title = $"Course {i}", category = categories[i], now });
    }

    [Fact]
    public void Demo_categories_read_in_chinese_and_a_category_the_platform_sent_is_shown_as_sent()
    {
        Assert.All(DemoCatalogue.Categories, c => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+", Names.Name(c, Zh)));
        Assert.Equal("编程开发", Names.Name("Programming", Zh));
        Assert.Equal("Programming", Names.Name("Programming", En));
        Assert.Equal("Yoga & Wellness", Names.Name("Yoga & Wellness", Zh));
    }

    [Fact]
    public async Task A_marketers_names_are_used_in_both_languages_and_a_blank_one_falls_back_to_the_code()
    {
        Courses("pottery", "pottery", "yoga", null);

        Assert.IsType<CategoryNames.Outcome.Saved>(await Names.SaveAsync("pottery", " Pottery & Ceramics ", "陶艺"));
        Assert.Equal(("Pottery & Ceramics", "陶艺"), (Names.Name("pottery", En), Names.Name("pottery", Zh)));
        Assert.Equal("yoga", Names.Name("yoga", Zh));
        var listed = await Names.ListAsync();
        Assert.Equal([new CategoryName("pottery", "Pottery & Ceramics", "陶艺", 2), new CategoryName("yoga", null, null, 1)], listed);

        Assert.IsType<CategoryNames.Outcome.Saved>(await Names.SaveAsync("pottery", "", "陶瓷"));
        Assert.Equal(("pottery", "陶瓷"), (Names.Name("pottery", En), Names.Name("pottery", Zh)));
    }

    [Fact]
    public async Task A_name_past_the_limit_is_refused_by_field_and_nothing_is_stored()
    {
        var outcome = Assert.IsType<CategoryNames.Outcome.Invalid>(await Names.SaveAsync("yoga", new string('x', 101), "瑜伽"));

        Assert.True(outcome.Errors.Has("nameEn"));
        await using var connection = await Store.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM category_names"));
    }

    [Fact]
    public async Task The_editor_lists_each_category_and_saves_the_names_typed()
    {
        Courses("pottery");
        Render<MudPopoverProvider>();
        var page = Render<CategoryNamesPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=category-row]")));
        var inputs = page.FindAll("[data-testid=category-row] input");
        inputs[0].Change("Pottery");
        inputs[1].Change("陶艺");
        await page.Find("[data-testid=category-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("陶艺", Names.Name("pottery", Zh)));
        Assert.Equal("Pottery", Names.Name("pottery", En));
    }
}
