using System.Collections.Concurrent;

namespace Console.Domain.Models;

/// <summary>A loaded model and the version it came from.</summary>
public sealed record ActiveModel<T>(ModelVersion Version, T Model);

/// <summary>
/// The active model of each kind, loaded once per node. A reader past the poll interval asks the store for the active
/// id (one indexed look-up) and reloads only when it changed, so a version activated on another node is served here
/// within <see cref="PollInterval"/> without a restart.
/// </summary>
public sealed class ActiveModels(ModelRegistry registry, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The active model of a kind, loaded by load from its bytes; null when the kind has none.</summary>
    public async Task<ActiveModel<T>?> GetAsync<T>(string kind, Func<byte[], T> load, CancellationToken ct) where T : class
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(kind, out var entry) && now - entry.CheckedAt < PollInterval) return entry.As<T>();
        var gate = _locks.GetOrAdd(kind, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_entries.TryGetValue(kind, out entry) && clock.GetUtcNow() - entry.CheckedAt < PollInterval) return entry.As<T>();
            var activeId = await registry.ActiveIdAsync(kind, ct);
            if (entry is not null && entry.Version?.Id == activeId && (entry.Model is T || activeId is null))
            {
                _entries[kind] = entry with { CheckedAt = clock.GetUtcNow() };
                return entry.As<T>();
            }
            var fresh = await LoadAsync(kind, activeId, load, ct);
            _entries[kind] = fresh;
            return fresh.As<T>();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets what this node holds for a kind, so the next reader loads the active version at once.</summary>
    public void Invalidate(string kind) => _entries.TryRemove(kind, out _);

    private async Task<Entry> LoadAsync<T>(string kind, long? activeId, Func<byte[], T> load, CancellationToken ct) where T : class
    {
        var now = clock.GetUtcNow();
        if (activeId is not { } id) return new Entry(null, null, now);
        var version = await registry.GetAsync(id, ct);
        var bytes = await registry.LoadBytesAsync(id, ct);
        // Activated and replaced between the two reads: answer nothing now and look again on the next call.
        if (version is null || bytes is null) return new Entry(null, null, DateTimeOffset.MinValue);
        return new Entry(version, load(bytes), now);
    }

    private sealed record Entry(ModelVersion? Version, object? Model, DateTimeOffset CheckedAt)
    {
        public ActiveModel<T>? As<T>() where T : class =>
            Version is not null && Model is T model ? new ActiveModel<T>(Version, model) : null;
    }
}
