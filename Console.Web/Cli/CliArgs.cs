namespace Console.Web.Cli;

/// <summary>Positional words and "--name value" options after the verb. Configuration overrides (--Section:Key=…) pass through untouched.</summary>
public sealed class CliArgs
{
    public List<string> Positional { get; } = [];
    public Dictionary<string, string> Options { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static CliArgs Parse(IEnumerable<string> args)
    {
        var result = new CliArgs();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) { result.Positional.Add(arg); continue; }
            var name = arg[2..];
            var eq = name.IndexOf('=');
            if (eq >= 0) { result.Options[name[..eq]] = name[(eq + 1)..]; continue; }
            result.Options[name] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
        }
        return result;
    }

    public string? Get(string name) => Options.TryGetValue(name, out var v) ? v : null;

    /// <summary>Reads an integer option, or returns an error message naming the option.</summary>
    public (int Value, string? Error) GetInt(string name, int fallback, int min, int max)
    {
        var text = Get(name);
        if (text is null) return (fallback, null);
        return int.TryParse(text, out var v) && v >= min && v <= max
            ? (v, null)
            : (fallback, $"--{name} must be a whole number from {min:N0} to {max:N0}; got '{text}'.");
    }
}
