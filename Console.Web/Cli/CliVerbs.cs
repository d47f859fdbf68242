using Console.Web.Hosting;

namespace Console.Web.Cli;

/// <summary>The operator verbs of API.md "CLI". Each reads the same configuration as the web host.</summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, Func<CliContext, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateVerb.RunAsync,
        ["seed-demo"] = SeedDemoVerb.RunAsync,
        ["user"] = UserAddVerb.RunAsync,
        ["apikey"] = ApiKeyCreateVerb.RunAsync,
        ["import"] = ImportVerb.RunAsync,
        ["models"] = ModelsTrainVerb.RunAsync,
        ["jobs"] = JobsVerb.RunAsync,
        ["recommender"] = RecommenderEvaluateVerb.RunAsync,
        ["customer"] = CustomerVerb.RunAsync,
        ["backup"] = BackupVerb.RunAsync,
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= System.Console.Out;
        stderr ??= System.Console.Error;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ConfigurationArgs(args) });
            builder.Logging.ClearProviders();
            builder.AddDomainServices();
            await using var app = builder.Build();
            var context = new CliContext(app.Services, CliArgs.Parse(args.Skip(1)), stdout, stderr);
            return await Verbs[args[0]](context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Only "--key value" and "--key=value" pairs reach configuration: a positional file path such as /tmp/x.csv
    /// would otherwise be read as a "/key" switch and swallow the argument after it.
    /// </summary>
    private static string[] ConfigurationArgs(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            result.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                result.Add(args[++i]);
        }
        return [.. result];
    }
}

public sealed record CliContext(IServiceProvider Services, CliArgs Args, TextWriter Out, TextWriter Error);
