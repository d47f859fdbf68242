using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Console.Web.Hosting;

/// <summary>
/// Hangfire's log provider for this host. Hangfire keeps one provider for the whole process, so when several hosts share
/// a process (the test hosts; a host restarted in place) it may still hold the logger factory of a host that has
/// stopped. Creating a logger there would fail the call that enqueues a job; a missing log line is the lesser harm.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception? exception = null) => false;
    }
}
