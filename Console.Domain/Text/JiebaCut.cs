using JiebaNet.Segmenter;

namespace Console.Domain.Text;

/// <summary>
/// jieba.NET's segmenter, pointed at the dictionaries that the build copies into jieba/ beside the assemblies (a
/// published build and the test runner alike). Its dictionary loads once; cutting is serialised because the
/// segmenter keeps no promise of thread safety.
/// </summary>
internal static class JiebaCut
{
    private static readonly Lock Gate = new();
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<string> Cut(string text)
    {
        var segmenter = Segmenter.Value;
        lock (Gate) return segmenter.Cut(text, cutAll: false, hmm: true).ToList();
    }

    private static JiebaSegmenter Create()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "jieba");
        if (!File.Exists(Path.Combine(folder, "dict.txt")))
            throw new FileNotFoundException($"jieba's dictionary is not in {folder}; the build copies it there from the jieba.NET package.");
        ConfigManager.ConfigFileBaseDir = folder;
        return new JiebaSegmenter();
    }
}
