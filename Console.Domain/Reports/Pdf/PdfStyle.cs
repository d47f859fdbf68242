using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Console.Domain.Reports.Pdf;

/// <summary>The report's fonts, colours and page geometry (A4 in points), made once per document.</summary>
public sealed class PdfStyle
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Left = 42;
    public const double Right = PageWidth - 42;
    public const double Top = 78;
    public const double Bottom = PageHeight - 56;
    public const double Width = Right - Left;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public XFont Title { get; } = new(ReportFonts.Family, 20, XFontStyleEx.Bold, Unicode);
    public XFont Heading { get; } = new(ReportFonts.Family, 13.5, XFontStyleEx.Bold, Unicode);
    public XFont Body { get; } = new(ReportFonts.Family, 9.5, XFontStyleEx.Regular, Unicode);
    public XFont Bold { get; } = new(ReportFonts.Family, 9.5, XFontStyleEx.Bold, Unicode);
    public XFont Small { get; } = new(ReportFonts.Family, 7.5, XFontStyleEx.Regular, Unicode);
    public XFont Figure { get; } = new(ReportFonts.Family, 16, XFontStyleEx.Bold, Unicode);

    public static readonly XColor Ink = XColor.FromArgb(33, 37, 41);
    public static readonly XColor Muted = XColor.FromArgb(108, 117, 125);
    public static readonly XColor Rule = XColor.FromArgb(206, 212, 218);
    public static readonly XColor Shade = XColor.FromArgb(241, 243, 245);
    public static readonly XColor Current = XColor.FromArgb(25, 118, 210);
    public static readonly XColor Previous = XColor.FromArgb(173, 181, 189);
    public static readonly XColor Up = XColor.FromArgb(46, 125, 50);
    public static readonly XColor Down = XColor.FromArgb(198, 40, 40);

    public XSolidBrush InkBrush { get; } = new(Ink);
    public XSolidBrush MutedBrush { get; } = new(Muted);
    public XSolidBrush ShadeBrush { get; } = new(Shade);
    public XSolidBrush CurrentBrush { get; } = new(Current);
    public XSolidBrush PreviousBrush { get; } = new(Previous);
    public XPen RulePen { get; } = new(Rule, 0.6);
}
