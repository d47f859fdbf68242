namespace Console.Domain.Email;

/// <summary>Bound from "Email". With no Smtp:Host, messages are written as .eml files to OutboxPath instead of sent.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Messages per second across every worker node, enforced through the database.</summary>
    public int RatePerSecond { get; set; } = 20;

    /// <summary>Marketing messages one customer may receive in any 7 days, across campaigns.</summary>
    public int FrequencyCapPerWeek { get; set; } = 2;

    public string FromAddress { get; set; } = "news@campaign-console.local";

    public string FromName { get; set; } = "Campaign Console";

    /// <summary>The right-hand side of every Message-ID, which is derived from the recipient row.</summary>
    public string MessageIdDomain { get; set; } = "campaign-console.local";

    public string OutboxPath { get; set; } = "data/outbox";

    /// <summary>Attempts before a transiently refused recipient is failed with the last reply.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; each further attempt doubles it, up to a minute.</summary>
    public int RetryBaseMilliseconds { get; set; } = 1000;

    /// <summary>A recipient claimed longer ago than this by a worker that never finished is the in-flight message of a dead worker.</summary>
    public int SendingLeaseSeconds { get; set; } = 120;

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>auto (STARTTLS when offered), starttls (required), tls (implicit, port 465) or none.</summary>
    public string Security { get; set; } = "auto";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Reused connections per worker: each one sends one message at a time.</summary>
    public int Connections { get; set; } = 4;

    /// <summary>Must stay well under SendingLeaseSeconds, so that a live send never looks like a dead one.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
