using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Console.Domain.Reports.Pdf;

/// <summary>
/// Writes a document top to bottom: a cursor (Y) on the current page, a new page when the next block does not fit, and
/// at the end the same header and "page n of N" footer on every page, drawn once the page count is known.
/// </summary>
public sealed class PdfPages : IDisposable
{
    private readonly PdfDocument _document = new();
    private XGraphics? _graphics;

    public PdfPages(PdfStyle style, string title)
    {
        Style = style;
        _document.Info.Title = title;
        _document.Info.Creator = "Campaign Console";
        NewPage();
    }

    public PdfStyle Style { get; }

    public XGraphics G => _graphics!;

    public double Y { get; set; }

    /// <summary>Pages so far; after <see cref="Finish"/>, the document's pages (PDFsharp's own count is closed once saved).</summary>
    public int PageCount => _finishedPages ?? _document.PageCount;

    private int? _finishedPages;

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PdfStyle.PageWidth);
        page.Height = XUnit.FromPoint(PdfStyle.PageHeight);
        _graphics = XGraphics.FromPdfPage(page);
        Y = PdfStyle.Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > PdfStyle.Bottom) NewPage();
    }

    public void Heading(string text)
    {
        Need(40);
        if (Y > PdfStyle.Top) Y += 10;
        G.DrawString(text, Style.Heading, Style.InkBrush, PdfStyle.Left, Y, XStringFormats.TopLeft);
        Y += 22;
    }

    /// <summary>Text wrapped to the page width (words in Latin script, single characters in Chinese).</summary>
    public void Paragraph(string text, XFont? font = null, XBrush? brush = null)
    {
        font ??= Style.Body;
        var lineHeight = font.Size * 1.45;
        foreach (var line in TextWrap.Lines(text, PdfStyle.Width, s => G.MeasureString(s, font).Width))
        {
            Need(lineHeight);
            G.DrawString(line, font, brush ?? Style.InkBrush, PdfStyle.Left, Y, XStringFormats.TopLeft);
            Y += lineHeight;
        }
        Y += 4;
    }

    /// <summary>Draws every page's header (title and period) and footer (page n of N), then the finished file.</summary>
    public byte[] Finish(string header, Func<int, int, string> footer)
    {
        _graphics?.Dispose();
        _graphics = null;
        var total = _document.PageCount;
        _finishedPages = total;
        for (var i = 0; i < total; i++)
        {
            using var g = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawString(header, Style.Small, Style.MutedBrush, PdfStyle.Left, 36, XStringFormats.TopLeft);
            g.DrawLine(Style.RulePen, PdfStyle.Left, 50, PdfStyle.Right, 50);
            g.DrawLine(Style.RulePen, PdfStyle.Left, PdfStyle.PageHeight - 40, PdfStyle.Right, PdfStyle.PageHeight - 40);
            g.DrawString(footer(i + 1, total), Style.Small, Style.MutedBrush, PdfStyle.Right, PdfStyle.PageHeight - 34, XStringFormats.TopRight);
        }
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }
}
