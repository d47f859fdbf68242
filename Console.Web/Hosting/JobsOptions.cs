namespace Console.Web.Hosting;

/// <summary>Bound from "Jobs": where Hangfire keeps its own state when the store is SQLite, and how often it polls.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Hangfire's SQLite file, kept apart from the console's store; relative to the working directory unless rooted.</summary>
    public string SqlitePath { get; set; } = "data/jobs.db";

    /// <summary>How often an idle server looks for queued and scheduled jobs.</summary>
    public double PollIntervalSeconds { get; set; } = 15;
}
