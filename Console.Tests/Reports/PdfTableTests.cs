using Console.Domain.Reports.Pdf;

namespace Console.Tests.Reports;

/// <summary>A long table breaks across pages, repeating its header at the top of each, and loses or repeats no row.</summary>
public sealed class PdfTableTests
{
    [Fact]
    public void A_200_row_table_fills_whole_pages_and_repeats_its_header_on_each()
    {
        ReportFonts.Install(ReportFonts.DebianFolder);
        using var pages = new PdfPages(new PdfStyle(), "table");
        PdfTable.Draw(pages, [new("Course name", 3), new("Net revenue", 2, true), new("订单数", 1, true)],
            Enumerable.Range(1, 200).Select(i => (IReadOnlyList<string>)[$"Row{i:000}", $"¥{i},000.00", i.ToString()]));
        var pdf = pages.Finish("Header · period", (n, total) => $"Page {n} of {total}");

        // The first page also holds nothing above the table; each page fits the same number of rows under its header.
        var perPage = (int)((PdfStyle.Bottom - PdfStyle.Top) / PdfTable.RowHeight) - 1;
        var expectedPages = (int)Math.Ceiling(200.0 / perPage);
        var texts = ReportStore.PageTexts(pdf);
        Assert.Equal(expectedPages, texts.Count);
        Assert.Equal(expectedPages, pages.PageCount);
        Assert.True(expectedPages >= 4, $"{perPage} rows a page");
        for (var p = 0; p < texts.Count; p++)
        {
            // The header band is drawn after the page's content, so the table's header row is the page's first text.
            Assert.StartsWith("Course nameNet revenue订单数", texts[p]);
            Assert.Contains("Header · period", texts[p]);
            Assert.Contains($"Page {p + 1} of {texts.Count}", texts[p]);
            var first = p * perPage + 1;
            var last = Math.Min(200, first + perPage - 1);
            Assert.Contains($"Row{first:000}", texts[p]);
            Assert.Contains($"Row{last:000}", texts[p]);
            if (last < 200) Assert.DoesNotContain($"Row{last + 1:000}", texts[p]);
        }
        var all = string.Concat(texts);
        for (var i = 1; i <= 200; i++)
            Assert.Equal(1, CountOf(all, $"Row{i:000}¥"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
