using JiebaNet.Segmenter;

namespace Console.Domain.Text;

/// <summary>
/// jieba.NET's segmenter, pointed at the dictionaries that the build copies into jieba/ beside the assemblies (a
/// published build and the test runner alike). The dictionary loads once and is only read after that; each thread
/// cuts with a segmenter of its own, since one segmenter keeps no promise of thread safety. Words outside the
/// dictionary are left as single characters (no HMM pass): that is three times faster, and the classifier reads
/// character n-grams anyway.
/// </summary>
internal static class JiebaCut
{
    private static readonly Lazy<string> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ThreadLocal<JiebaSegmenter> Segmenter = new(() => { _ = Loaded.Value; return new JiebaSegmenter(); });

    public static IReadOnlyList<string> Cut(string text) => Segmenter.Value!.Cut(text, cutAll: false, hmm: false).ToList();

    private static string Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "jieba");
        if (!File.Exists(Path.Combine(folder, "dict.txt")))
            throw new FileNotFoundException($"jieba's dictionary is not in {folder}; the build copies it there from the jieba.NET package.");
        ConfigManager.ConfigFileBaseDir = folder;
        // The first segmenter loads the shared dictionary; building it here keeps that load on one thread.
        new JiebaSegmenter().Cut("加载", cutAll: false, hmm: false).ToList();
        return folder;
    }
}
