using Console.Domain.Reports.Pdf;
using Console.Domain.Sales;
using PdfSharp.Drawing;

namespace Console.Domain.Reports;

/// <summary>A rendered report: the PDF's bytes and its page count.</summary>
public sealed record RenderedReport(byte[] Pdf, int Pages);

/// <summary>
/// Lays a sales report out: a cover with the headline figures, then one section per page group, then the method page.
/// Charts are drawn as vector lines and bars; with charts off the same pages keep their charts' space blank (the benchmark's baseline).
/// </summary>
public static class SalesReportDocument
{
    public static RenderedReport Render(SalesReportContent content, string language, bool charts = true, Action<double>? progress = null)
    {
        var words = ReportWords.For(language);
        var format = new SalesFormat(ReportLanguages.Culture(language), content.Currency);
        var period = PeriodText(content.Period, format, words);
        using var pages = new PdfPages(new PdfStyle(), words["Report.Title"] + " · " + period);
        var sections = new Action[]
        {
            () => Cover(pages, content, words, format, period),
            () => Daily(pages, content, words, format, charts),
            () => Splits(pages, content, words, format, charts),
            () => Courses(pages, content, words, format),
            () => Live(pages, content, words, format, charts),
            () => Promotions(pages, content, words, format),
            () => Kols(pages, content, words, format),
            () => Insights(pages, content, words, format),
            () => Method(pages, content, words, format),
        };
        for (var i = 0; i < sections.Length; i++)
        {
            if (i > 0) pages.NewPage();
            sections[i]();
            progress?.Invoke((i + 1.0) / (sections.Length + 1));
        }
        var pdf = pages.Finish(words["Report.Title"] + " · " + period, (n, total) => words.Format("Report.PageOf", n, total));
        return new RenderedReport(pdf, pages.PageCount);
    }

    public static string PeriodText(SalesPeriod period, SalesFormat format, ReportWords words) =>
        words.Format("Report.Period", format.Day(period.From), format.Day(period.To), period.Days);

    private static void Cover(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f, string period)
    {
        var s = pages.Style;
        pages.G.DrawString(w["Report.Title"], s.Title, s.InkBrush, PdfStyle.Left, pages.Y, XStringFormats.TopLeft);
        pages.Y += 34;
        pages.Paragraph(period, s.Heading);
        pages.Paragraph(w.Format("Report.ComparedWith", PeriodText(c.Period.Previous, f, w)), s.Body, s.MutedBrush);
        if (c.Sales.Cut is { } cut) pages.Paragraph(w.Format("Report.CutNote", cut.Clock.ToString("HH:mm")), s.Body, s.MutedBrush);
        pages.Paragraph(w.Format("Report.TimeZone", c.TimeZone), s.Small, s.MutedBrush);
        pages.Y += 10;
        var d = c.Sales;
        var kpis = new (string Label, string Value, string Previous, KpiDelta Delta)[]
        {
            (w["Kpi.NetRevenue"], f.Money(d.Current.Totals.NetRevenue), f.Money(d.Previous.NetRevenue), d.NetRevenue),
            (w["Kpi.Orders"], f.Count(d.Current.Totals.Orders), f.Count(d.Previous.Orders), d.Orders),
            (w["Kpi.PayingCustomers"], f.Count(d.Current.Totals.PayingCustomers), f.Count(d.Previous.PayingCustomers), d.PayingCustomers),
            (w["Kpi.AverageOrderValue"], f.Money(d.Current.Totals.AverageOrderValue), f.Money(d.Previous.AverageOrderValue), d.AverageOrderValue),
            (w["Kpi.RefundRate"], f.Percent(d.Current.Totals.RefundRate), f.Percent(d.Previous.RefundRate), d.RefundRate),
            (w["Kpi.LiveConversion"], f.Percent(d.Funnel.Conversion), f.Percent(d.PreviousFunnel.Conversion), d.LiveConversion),
        };
        const double gap = 10, height = 78;
        var width = (PdfStyle.Width - 2 * gap) / 3;
        for (var i = 0; i < kpis.Length; i++)
        {
            var (x, y) = (PdfStyle.Left + i % 3 * (width + gap), pages.Y + i / 3 * (height + gap));
            var k = kpis[i];
            pages.G.DrawRectangle(s.RulePen, s.ShadeBrush, x, y, width, height);
            pages.G.DrawString(k.Label, s.Body, s.MutedBrush, x + 8, y + 8, XStringFormats.TopLeft);
            pages.G.DrawString(k.Value, s.Figure, s.InkBrush, x + 8, y + 24, XStringFormats.TopLeft);
            // A falling refund rate is good news, so its colours are the other way round.
            var good = k.Label == w["Kpi.RefundRate"] ? DeltaDirection.Down : DeltaDirection.Up;
            var color = k.Delta.Direction == DeltaDirection.Flat || k.Delta.Percent is null ? PdfStyle.Muted
                : k.Delta.Direction == good ? PdfStyle.Up : PdfStyle.Down;
            pages.G.DrawString(f.Delta(k.Delta), s.Bold, new XSolidBrush(color), x + 8, y + 46, XStringFormats.TopLeft);
            pages.G.DrawString(w.Format("Kpi.Previous", k.Previous), s.Small, s.MutedBrush, x + 8, y + 62, XStringFormats.TopLeft);
        }
        pages.Y += 2 * (height + gap) + 10;
        pages.Paragraph(w.Format("Report.Generated", f.Day(DateOnly.FromDateTime(c.GeneratedAtUtc)), c.GeneratedAtUtc.ToString("HH:mm") + " UTC"),
            s.Small, s.MutedBrush);
    }

    private static void Daily(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f, bool charts)
    {
        var current = c.Sales.Current.Totals.RevenueByDay;
        var previous = c.Sales.Previous.RevenueByDay;
        pages.Heading(w["Section.Daily"]);
        PdfCharts.Lines(pages, current.Select(d => f.ShortDay(d.Day)).ToList(), current.Select(d => (double)d.NetRevenue).ToList(),
            previous.Select(d => (double)d.NetRevenue).ToList(), f.MoneyTick, w["Chart.ThisPeriod"], w["Chart.PreviousPeriod"], draw: charts);
        PdfTable.Draw(pages,
            [new(w["Col.Day"], 2), new(w["Col.NetRevenue"], 2, true), new(w["Col.Orders"], 1.2, true),
             new(w["Col.PreviousDay"], 2), new(w["Col.NetRevenue"], 2, true), new(w["Col.Orders"], 1.2, true)],
            current.Select((d, i) => (IReadOnlyList<string>)[f.Day(d.Day), f.Money(d.NetRevenue), f.Count(d.Orders),
                i < previous.Count ? f.Day(previous[i].Day) : "", i < previous.Count ? f.Money(previous[i].NetRevenue) : "",
                i < previous.Count ? f.Count(previous[i].Orders) : ""]));
    }

    private static void Splits(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f, bool charts)
    {
        var categories = c.Sales.Current.RevenueByCategory;
        pages.Heading(w["Section.Categories"]);
        string Name(string? category) => category is null ? w["Category.None"] : c.CategoryNames.GetValueOrDefault(category, category);
        PdfCharts.Bars(pages, categories.Take(12).Select(x => new PdfBar(Name(x.Category), x.NetRevenue, f.Money(x.NetRevenue))).ToList(), draw: charts);
        PdfTable.Draw(pages, [new(w["Col.Category"], 3), new(w["Col.NetRevenue"], 2, true), new(w["Col.Orders"], 1.2, true)],
            categories.Select(x => (IReadOnlyList<string>)[Name(x.Category), f.Money(x.NetRevenue), f.Count(x.Orders)]), w["Empty"]);
        var channels = c.Sales.Current.RevenueByChannel;
        pages.Heading(w["Section.Channels"]);
        PdfCharts.Bars(pages, channels.Select(x => new PdfBar(w.Channel(x.Channel), x.NetRevenue, f.Money(x.NetRevenue))).ToList(), PdfStyle.Up, charts);
        PdfTable.Draw(pages, [new(w["Col.Channel"], 3), new(w["Col.NetRevenue"], 2, true), new(w["Col.Orders"], 1.2, true)],
            channels.Select(x => (IReadOnlyList<string>)[w.Channel(x.Channel), f.Money(x.NetRevenue), f.Count(x.Orders)]), w["Empty"]);
    }

    private static void Courses(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f)
    {
        pages.Heading(w["Section.TopCourses"]);
        PdfTable.Draw(pages, [new("#", 0.4, true), new(w["Col.Course"], 4), new(w["Col.Category"], 1.8), new(w["Col.NetRevenue"], 1.8, true),
                new(w["Col.Orders"], 1, true)],
            c.Sales.Current.TopCourses.Select((x, i) => (IReadOnlyList<string>)[(i + 1).ToString(f.Culture), x.Title,
                x.Category is null ? w["Category.None"] : c.CategoryNames.GetValueOrDefault(x.Category, x.Category), f.Money(x.NetRevenue),
                f.Count(x.Orders)]), w["Empty"]);
    }

    private static void Live(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f, bool charts)
    {
        var funnel = c.Sales.Funnel;
        pages.Heading(w["Section.Live"]);
        pages.Paragraph(w.Format("Live.Summary", f.Count(funnel.Sessions), f.Percent(funnel.EngagementRate), f.Percent(funnel.Conversion)));
        PdfCharts.Bars(pages, [new(w["Live.Viewers"], funnel.Viewers, f.Count(funnel.Viewers)),
            new(w["Live.Engaged"], funnel.Engaged, f.Count(funnel.Engaged)), new(w["Live.Buyers"], funnel.Buyers, f.Count(funnel.Buyers))], draw: charts);
        PdfTable.Draw(pages, [new(w["Col.Stage"], 3), new(w["Col.ThisPeriod"], 2, true), new(w["Col.PreviousPeriod"], 2, true)],
            [[w["Live.Sessions"], f.Count(funnel.Sessions), f.Count(c.Sales.PreviousFunnel.Sessions)],
             [w["Live.Viewers"], f.Count(funnel.Viewers), f.Count(c.Sales.PreviousFunnel.Viewers)],
             [w["Live.Engaged"], f.Count(funnel.Engaged), f.Count(c.Sales.PreviousFunnel.Engaged)],
             [w["Live.Buyers"], f.Count(funnel.Buyers), f.Count(c.Sales.PreviousFunnel.Buyers)],
             [w["Kpi.LiveConversion"], f.Percent(funnel.Conversion), f.Percent(c.Sales.PreviousFunnel.Conversion)]]);
        pages.Heading(w["Section.BestSessions"]);
        PdfTable.Draw(pages, [new(w["Col.Session"], 3.6), new(w["Col.Viewers"], 1.2, true), new(w["Col.Buyers"], 1.1, true),
                new(w["Col.Conversion"], 1.3, true), new(w["Col.Orders"], 1, true), new(w["Col.NetRevenue"], 1.8, true)],
            c.BestSessions.Select(x => (IReadOnlyList<string>)[x.Title, f.Count(x.Viewers), f.Count(x.Buyers), f.Percent(x.Conversion),
                f.Count(x.Orders), f.Money(x.NetRevenue)]), w["Empty"]);
    }

    private static void Promotions(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f)
    {
        IReadOnlyList<PdfColumn> columns = [new(w["Col.Campaign"], 4), new(w["Col.Uses"], 1, true), new(w["Col.Discount"], 1.8, true),
            new(w["Col.NetRevenue"], 1.8, true)];
        pages.Heading(w["Section.Coupons"]);
        PdfTable.Draw(pages, columns, c.Coupons.Select(x => (IReadOnlyList<string>)[x.Name, f.Count(x.Uses), f.Money(x.DiscountGiven),
            f.Money(x.NetRevenue)]), w["Empty"]);
        pages.Heading(w["Section.GroupBuys"]);
        PdfTable.Draw(pages, columns, c.GroupBuys.Select(x => (IReadOnlyList<string>)[x.Name, f.Count(x.Uses), f.Money(x.DiscountGiven),
            f.Money(x.NetRevenue)]), w["Empty"]);
    }

    private static void Kols(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f)
    {
        pages.Heading(w["Section.Kols"]);
        PdfTable.Draw(pages, [new("#", 0.4, true), new(w["Col.Kol"], 2.6), new(w["Col.Orders"], 1, true), new(w["Col.NetRevenue"], 1.8, true),
                new(w["Col.Commission"], 1.6, true), new(w["Col.Roi"], 1, true)],
            c.Kols.Select((k, i) => (IReadOnlyList<string>)[(i + 1).ToString(f.Culture), k.Name, f.Count(k.Orders), f.Money(k.NetRevenue),
                f.Money(k.Commission), k.Roi is { } roi ? f.Percent((double)roi) : SalesFormat.NoComparison]), w["Empty"]);
    }

    private static void Insights(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f)
    {
        pages.Heading(w["Section.Experiments"]);
        PdfTable.Draw(pages, [new(w["Col.Experiment"], 3.2), new(w["Col.Stopped"], 1.4), new(w["Col.Users"], 1, true),
                new(w["Col.BestVariant"], 1.6), new(w["Col.Effect"], 1.2, true), new(w["Col.PValue"], 1, true)],
            c.Experiments.Select(e => ExperimentRow(e, w, f)), w["Empty"]);
        pages.Heading(w["Section.Surveys"]);
        PdfTable.Draw(pages, [new(w["Col.Survey"], 3.4), new(w["Col.Responses"], 1.2, true), new(w["Col.Nps"], 1, true),
                new(w["Col.Themes"], 4.4)],
            c.Surveys.Select(x => (IReadOnlyList<string>)[x.Name, f.Count(x.Results.Responses), x.Results.Nps.Score.ToString("0.0", f.Culture),
                string.Join(w["List.Separator"], x.Results.Themes.OrderByDescending(t => t.Share).Take(3)
                    .Select(t => $"{t.Label} {f.Percent(t.Share)}"))]), w["Empty"]);
    }

    private static IReadOnlyList<string> ExperimentRow(ConcludedExperiment e, ReportWords w, SalesFormat f)
    {
        var best = e.Results?.Variants.Where(v => !v.IsControl && v.Effect is not null).OrderByDescending(v => v.Effect!.ChanceToWin).FirstOrDefault();
        return [e.Name, f.Day(DateOnly.FromDateTime(e.StoppedAt)), f.Count(e.Users), best?.Key ?? SalesFormat.NoComparison,
            best is null ? SalesFormat.NoComparison : f.Percent(best.Effect!.Relative.Value),
            best is null ? SalesFormat.NoComparison : best.Effect!.PValue.ToString("0.000", f.Culture)];
    }

    private static void Method(PdfPages pages, SalesReportContent c, ReportWords w, SalesFormat f)
    {
        pages.Heading(w["Section.Method"]);
        foreach (var key in ReportWords.MethodKeys)
        {
            pages.Paragraph(w[key + ".Title"], pages.Style.Bold);
            pages.Paragraph(w.Format(key, c.TimeZone, f.Money(123_456)));
        }
    }
}
