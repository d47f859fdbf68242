using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Console.Tests.Hosting;

/// <summary>
/// The README's production steps: a `dotnet publish` output, started on its own outside Development, serves the console's
/// pages and their fingerprinted CSS from the published static assets, not from the source tree.
/// </summary>
public sealed partial class PublishedBuildTests
{
    [Fact]
    public async Task A_published_build_serves_the_sign_in_page_and_every_stylesheet_it_links()
    {
        using var store = new TempStore(migrate: false);
        var output = Path.Combine(store.Directory, "publish");
        var (code, log) = await Publish(output);
        Assert.True(code == 0, "dotnet publish failed:\n" + log);
        Assert.True(File.Exists(Path.Combine(output, "wwwroot", "app.css")), "the published output has no wwwroot/app.css");

        var lines = new ConcurrentQueue<string>();
        await using var web = await WebProcess.StartAsync(
            ["--environment", "Production", "--Database:Path", store.Path, "--Jobs:SqlitePath", Path.Combine(store.Directory, "jobs.db")],
            lines.Enqueue, () => string.Join('\n', lines.TakeLast(40)), dll: Path.Combine(output, "Console.Web.dll"));
        using var client = new HttpClient { BaseAddress = web.Address };

        var page = await client.GetStringAsync("/signin");
        var sheets = Stylesheet().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, sheets.Count);
        foreach (var sheet in sheets)
        {
            using var response = await client.GetAsync(sheet);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{sheet}: {(int)response.StatusCode}");
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{sheet} is empty");
        }
    }

    /// <summary>Publishes the Release build the suite already made, so only the copying and the asset manifest are new work.</summary>
    private static async Task<(int Code, string Log)> Publish(string output)
    {
        var project = Path.Combine(Repo.Root, "Console.Web", "Console.Web.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "--no-build", "-o", output, "-nologo", "-v", "quiet" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex("""<link rel="stylesheet" href="([^"]+)" />""")]
    private static partial Regex Stylesheet();
}
