using PdfSharp.Drawing;

namespace Console.Domain.Reports.Pdf;

/// <summary>A column: its header, its share of the page width, and whether its figures line up on the right.</summary>
public sealed record PdfColumn(string Header, double Share, bool Figures = false);

/// <summary>A table that breaks across pages and repeats its header row at the top of each one.</summary>
public static class PdfTable
{
    public const double RowHeight = 15;

    public static void Draw(PdfPages pages, IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, string? empty = null)
    {
        var style = pages.Style;
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => PdfStyle.Width * c.Share / total).ToArray();
        pages.Need(RowHeight * 3);
        Header(pages, columns, widths);
        var index = 0;
        foreach (var row in rows)
        {
            if (pages.Y + RowHeight > PdfStyle.Bottom)
            {
                pages.NewPage();
                Header(pages, columns, widths);
            }
            if (index++ % 2 == 1) pages.G.DrawRectangle(style.ShadeBrush, PdfStyle.Left, pages.Y, PdfStyle.Width, RowHeight);
            Cells(pages, columns, widths, row, style.Body);
            pages.Y += RowHeight;
        }
        if (index == 0 && empty is not null)
        {
            pages.G.DrawString(empty, style.Body, style.MutedBrush, PdfStyle.Left + 4, pages.Y + 3, XStringFormats.TopLeft);
            pages.Y += RowHeight;
        }
        pages.G.DrawLine(style.RulePen, PdfStyle.Left, pages.Y, PdfStyle.Right, pages.Y);
        pages.Y += 10;
    }

    private static void Header(PdfPages pages, IReadOnlyList<PdfColumn> columns, double[] widths)
    {
        Cells(pages, columns, widths, columns.Select(c => c.Header).ToList(), pages.Style.Bold);
        pages.Y += RowHeight;
        pages.G.DrawLine(pages.Style.RulePen, PdfStyle.Left, pages.Y, PdfStyle.Right, pages.Y);
    }

    private static void Cells(PdfPages pages, IReadOnlyList<PdfColumn> columns, double[] widths, IReadOnlyList<string> cells, XFont font)
    {
        var x = PdfStyle.Left;
        for (var i = 0; i < columns.Count; i++)
        {
            var text = Fit(pages.G, i < cells.Count ? cells[i] : "", font, widths[i] - 8);
            if (columns[i].Figures)
                pages.G.DrawString(text, font, pages.Style.InkBrush, x + widths[i] - 4, pages.Y + 3, XStringFormats.TopRight);
            else
                pages.G.DrawString(text, font, pages.Style.InkBrush, x + 4, pages.Y + 3, XStringFormats.TopLeft);
            x += widths[i];
        }
    }

    /// <summary>The text, cut with an ellipsis where it would run into the next column.</summary>
    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        var cut = text.Length;
        while (cut > 1 && g.MeasureString(text[..cut] + "…", font).Width > width) cut--;
        return text[..cut] + "…";
    }
}
