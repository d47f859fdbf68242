using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Console.Tests.Reports;

/// <summary>What a PDF's font dictionaries say: each font's subtype, its base font name and the size of its embedded TrueType program.</summary>
public sealed record PdfFontEntry(string Subtype, string BaseFont, long FontFile2Bytes);

public static class PdfFonts
{
    public static IReadOnlyList<PdfFontEntry> Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var found = new Dictionary<string, PdfFontEntry>();
        foreach (var page in document.GetPages())
        {
            DictionaryToken Dict(IToken t) => (DictionaryToken)Resolve(t);
            IToken Resolve(IToken t) => t is IndirectReferenceToken r ? document.Structure.GetObject(r.Data).Data : t;
            var fonts = Dict(Dict(page.Dictionary.Data["Resources"]).Data["Font"]);
            foreach (var (_, token) in fonts.Data)
            {
                var font = Dict(token);
                var baseFont = ((NameToken)font.Data["BaseFont"]).Data;
                if (found.ContainsKey(baseFont)) continue;
                var descendant = Dict(((ArrayToken)Resolve(font.Data["DescendantFonts"])).Data[0]);
                var descriptor = Dict(descendant.Data["FontDescriptor"]);
                var file = descriptor.Data.TryGetValue("FontFile2", out var f) ? Resolve(f) as StreamToken : null;
                found[baseFont] = new PdfFontEntry(((NameToken)font.Data["Subtype"]).Data, baseFont, file?.Data.Length ?? 0);
            }
        }
        return found.Values.ToList();
    }
}
