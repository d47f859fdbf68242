using System.Net;

namespace Console.Web.Hosting;

/// <summary>
/// GET /health/memory, off unless Diagnostics:MemoryEndpoint is true and answered only to this machine: the managed
/// heap after a full, compacting collection, which tells what the app really holds (per circuit, per cache) apart
/// from the garbage collector's headroom that process memory figures include.
/// </summary>
public static class MemoryDiagnostics
{
    public const string Setting = "Diagnostics:MemoryEndpoint";

    public static WebApplication MapMemoryDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting)) return app;
        app.MapGet("/health/memory", (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote)) return Results.NotFound();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo();
            return Results.Ok(new
            {
                managedBytes = GC.GetTotalMemory(forceFullCollection: false),
                heapSizeBytes = info.HeapSizeBytes,
                committedBytes = info.TotalCommittedBytes,
                workingSetBytes = Environment.WorkingSet,
            });
        });
        return app;
    }
}
