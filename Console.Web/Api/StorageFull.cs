using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Console.Web.Api;

/// <summary>
/// A write the database could not make for want of space answers 503 with the code storage_full and leaves one log line.
/// The unit of writes it belonged to was rolled back whole, and nothing holds the failure: once space returns, the next
/// write goes through.
/// </summary>
internal sealed partial class StorageFull(ILogger<StorageFull> logger) : IExceptionHandler
{
    public const string Code = "storage_full";

    // SQLITE_FULL: the disk (or the file system's quota) took no more pages. SQL Server: 1105 a filegroup is full, 9002 the log is.
    private const int SqliteFull = 13;

    public static bool Is(Exception? e) => e switch
    {
        null => false,
        SqliteException s when s.SqliteErrorCode == SqliteFull => true,
        SqlException s when s.Number is 1105 or 9002 => true,
        AggregateException a => a.InnerExceptions.Any(Is),
        _ => Is(e.InnerException),
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!Is(exception)) return false;
        Refused(logger, context.Request.Method, context.Request.Path.Value ?? "");
        context.Response.Headers.RetryAfter = "60";
        await Problems.Refusal(Code, "The console's storage is full; nothing of this request was stored. Send it again later.",
            StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(EventId = 5031, Level = LogLevel.Error,
        Message = "Storage full: {Method} {Path} was refused with 503 and nothing of it was stored; free space on the database's disk and writes resume by themselves.")]
    private static partial void Refused(ILogger logger, string method, string path);
}
