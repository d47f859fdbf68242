namespace Console.Domain.Data;

/// <summary>
/// SQLite has one writer at a time. Queueing this process's writers here (ingestion batches, checkouts, refunds)
/// keeps them off Microsoft.Data.Sqlite's sleep-and-retry loop on a busy file; SQL Server takes row locks, so there
/// the gate is open.
/// </summary>
public sealed class WriteGate(Db db)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async ValueTask<Lease> EnterAsync(CancellationToken ct)
    {
        if (!db.IsSqlite) return default;
        await _writer.WaitAsync(ct);
        return new Lease(_writer);
    }

    public readonly struct Lease(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
