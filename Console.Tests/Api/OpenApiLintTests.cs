using System.Diagnostics;
using Console.Tests.Support;

namespace Console.Tests.Api;

/// <summary>The served document against Redocly's recommended rules; scripts/test.sh installs the linter with npm ci.</summary>
public sealed class OpenApiLintTests
{
    private static readonly string Tools = Path.Combine(Repo.Root, "tools", "openapi");

    [Fact]
    public async Task The_served_document_passes_redocly_recommended_rules()
    {
        var redocly = Path.Combine(Tools, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly),
            $"Redocly CLI is not installed at {redocly}: run scripts/test.sh, or `npm ci` in tools/openapi (needs npm).");
        using var app = new ConsoleApp();
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "v1.json");
        await File.WriteAllTextAsync(file, json);

        var start = new ProcessStartInfo(redocly, ["lint", file, "--extends", "recommended", "--format", "stylish"])
        {
            WorkingDirectory = Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The linter never calls out: no usage reports, no update check.
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        using var lint = Process.Start(start)!;
        var output = lint.StandardOutput.ReadToEndAsync();
        var errors = lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();
        var report = await output + await errors;
        Assert.True(lint.ExitCode == 0, "Redocly found errors in /openapi/v1.json:\n" + report);
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("cc-openapi-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
