namespace Console.Domain.Models;

/// <summary>
/// Where a trainer says how far it has got. The sink writes it to model_training so every node can show it;
/// reports closer together than a second are dropped, so a tight loop costs no writes.
/// </summary>
public sealed class TrainingProgress(Func<string, double, CancellationToken, Task> sink, TimeProvider clock)
{
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public static TrainingProgress None { get; } = new((_, _, _) => Task.CompletedTask, TimeProvider.System);

    public string Stage { get; private set; } = "";

    public double Fraction { get; private set; }

    public Task ReportAsync(string stage, double fraction, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changedStage = stage != Stage;
        (Stage, Fraction) = (stage, Math.Clamp(fraction, 0, 1));
        if (!changedStage && now - _last < TimeSpan.FromSeconds(1)) return Task.CompletedTask;
        _last = now;
        return sink(Stage, Fraction, ct);
    }
}
