using System.Globalization;
using Console.Domain.Models;

namespace Console.Web.Cli;

/// <summary>`models train KIND`: the nightly run of one kind, now, in this process.</summary>
internal static class ModelsTrainVerb
{
    public static async Task<int> RunAsync(CliContext cli)
    {
        var train = cli.Services.GetRequiredService<TrainModel>();
        if (cli.Args.Positional is not ["train", var kind])
        {
            await cli.Error.WriteLineAsync($"usage: models train {string.Join('|', train.Kinds)}");
            return 2;
        }
        switch (await train.RunAsync(kind, CancellationToken.None))
        {
            case TrainModel.Outcome.Trained t:
                var metrics = string.Join(", ", t.Candidate.Metrics.Select(m => $"{m.Key} {m.Value.ToString("0.####", CultureInfo.InvariantCulture)}"));
                var active = t.Comparison.ActiveMetrics is { } a && a.TryGetValue(t.Comparison.Metric, out var v)
                    ? (t.Comparison.EvaluatedFrom is { } from && t.Comparison.EvaluatedTo is { } to
                        ? $"; active model on the same window {from:yyyy-MM-dd HH:mm} – {to:yyyy-MM-dd HH:mm} UTC: "
                        : "; active model on its own older window: ")
                      + $"{t.Comparison.Metric} {v.ToString("0.####", CultureInfo.InvariantCulture)}"
                    : "";
                await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{kind} v{t.Candidate.Version} (id {t.Candidate.Id}), {t.Candidate.Rows:N0} rows, {t.Took.TotalSeconds:0.0} s: {metrics}{active}"));
                await cli.Out.WriteLineAsync(t.Promoted ? "promoted: it is now the active model" : "kept as a candidate: it did not beat the active model");
                return 0;
            case TrainModel.Outcome.AlreadyRunning:
                await cli.Error.WriteLineAsync($"{kind} is already training; try again when that run ends.");
                return 1;
            case TrainModel.Outcome.UnknownKind u:
                await cli.Error.WriteLineAsync($"unknown kind '{kind}'; known: {string.Join(", ", u.Known)}");
                return 2;
            default:
                return 1;
        }
    }
}
