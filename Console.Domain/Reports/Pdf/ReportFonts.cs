using PdfSharp.Fonts;

namespace Console.Domain.Reports.Pdf;

/// <summary>
/// The one typeface every report is set in: LXGW WenKai (SIL OFL 1.1), TrueType outlines that PDFsharp can subset, with
/// both Latin and Simplified Chinese. PDFsharp keeps one resolver per process, so the first folder given is the one used.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "LXGW WenKai";
    public const string RegularFile = "LXGWWenKai-Regular.ttf";
    public const string BoldFile = "LXGWWenKai-Bold.ttf";
    public const string DebianFolder = "/usr/share/fonts/truetype/lxgw-wenkai";

    private static readonly Lock Gate = new();
    private static ReportFonts? _installed;

    private readonly string _folder;
    private readonly Dictionary<string, byte[]> _faces = [];

    private ReportFonts(string folder) => _folder = folder;

    /// <summary>Why the font cannot be used from this folder, or null when both faces are there.</summary>
    public static string? Missing(string folder)
    {
        var absent = new[] { RegularFile, BoldFile }.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        return absent.Count == 0 ? null
            : $"The report font {Family} is missing ({string.Join(", ", absent)} not found in {folder}). "
              + "Run scripts/setup.sh, which installs Debian's fonts-lxgw-wenkai, or set Reports:FontFolder to a folder holding both faces.";
    }

    /// <summary>Makes the folder's faces the resolver of this process (once); throws with <see cref="Missing"/>'s reason.</summary>
    public static void Install(string folder)
    {
        lock (Gate)
        {
            if (_installed is not null) return;
            if (Missing(folder) is { } reason) throw new FileNotFoundException(reason);
            _installed = new ReportFonts(folder);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName == Family ? new FontResolverInfo(bold ? BoldFile : RegularFile) : null;

    public byte[]? GetFont(string faceName)
    {
        lock (_faces)
        {
            if (!_faces.TryGetValue(faceName, out var bytes))
                _faces[faceName] = bytes = File.ReadAllBytes(Path.Combine(_folder, faceName));
            return bytes;
        }
    }
}
