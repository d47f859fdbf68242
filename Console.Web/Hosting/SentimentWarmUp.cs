using Console.Domain.Data;
using Console.Domain.Text;

namespace Console.Web.Hosting;

/// <summary>
/// Loads (or, on a machine that never trained it, trains) the sentiment models in the background once the console
/// has started, so the first survey analysis or API call does not wait for them. Text:WarmUp=false turns it off.
/// </summary>
internal sealed class SentimentWarmUp(SentimentScorer scorer, IConfiguration config, ILogger<SentimentWarmUp> log) : BackgroundService
{
    /// <summary>Text:ModelCache, else a "cache" folder beside the SQLite file (data/cache by default).</summary>
    public static string CacheDirectory(IConfiguration config, DatabaseOptions database) =>
        config["Text:ModelCache"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.Path)) ?? "data", "cache");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Text:WarmUp", true)) return;
        try
        {
            // Started after the host is up: the first pages and the demo seed come first.
            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            var started = TimeProvider.System.GetTimestamp();
            await scorer.ModelsAsync(stoppingToken);
            log.LogInformation("Sentiment models ready in {Seconds:F1} s", TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The scorer loads again on first use; a failed warm-up only costs that first call its wait.
            log.LogWarning(e, "Sentiment models were not warmed at start");
        }
    }
}
