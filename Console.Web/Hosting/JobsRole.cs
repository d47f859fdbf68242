namespace Console.Web.Hosting;

public enum HostRole { All, Web, Worker }

/// <summary>The configuration key "role" (so --role all|web|worker): which parts of the one binary this node runs.</summary>
public static class JobsRole
{
    public const string Key = "role";

    public static HostRole Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => HostRole.All,
        "web" => HostRole.Web,
        "worker" => HostRole.Worker,
        _ => throw new InvalidOperationException($"Unknown role '{value}'. Use --role all (UI, API and job server), web (no job server) or worker (job server only)."),
    };

    public static bool RunsJobServer(this HostRole role) => role != HostRole.Web;

    public static bool ServesWeb(this HostRole role) => role != HostRole.Worker;
}
