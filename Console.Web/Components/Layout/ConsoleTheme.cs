using MudBlazor;

namespace Console.Web.Components.Layout;

/// <summary>System fonts only (no font CDN), with CJK faces for the Chinese interface.</summary>
public static class ConsoleTheme
{
    private static readonly string[] Fonts =
        ["Roboto", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3949ab", Secondary = "#00897b", AppbarBackground = "#3949ab" },
        PaletteDark = new PaletteDark { Primary = "#7986cb", Secondary = "#4db6ac" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = Fonts } },
    };
}
