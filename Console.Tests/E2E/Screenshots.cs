using Console.Tests.Support;
using Microsoft.Playwright;

namespace Console.Tests.E2E;

/// <summary>
/// Page screenshots at 1400×1000. They go to a temp folder; with CC_SCREENSHOTS=1 to docs/screenshots/ instead, taken on
/// the default-size demo store (see <see cref="ScreenshotApp"/>):
/// CC_SCREENSHOTS=1 dotnet test Console.Tests --filter "FullyQualifiedName~E2E.ScreenshotTests"
/// </summary>
public static class Screenshots
{
    public static bool ForDocs { get; } = Environment.GetEnvironmentVariable("CC_SCREENSHOTS") is "1" or "true";

    public static string Folder { get; } = ForDocs
        ? Path.Combine(Repo.Root, "docs", "screenshots")
        : Path.Combine(Path.GetTempPath(), "cc-e2e-screenshots");

    /// <summary>Writes the page as {name}.png and returns its path after checking the file is a 1400×1000 PNG.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        // The caller has waited for what the picture shows; web fonts may still be loading, and animations are shown at their end.
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled });
        var (width, height) = PngSize(await File.ReadAllBytesAsync(path));
        Assert.Equal((1400, 1000), (width, height));
        return path;
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(signature), "not a PNG file");
        // The IHDR chunk comes first: width and height are big-endian at bytes 16 and 20.
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
