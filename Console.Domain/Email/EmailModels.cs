namespace Console.Domain.Email;

public static class EmailCampaignStatus
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Paused = "paused";
}

/// <summary>A recipient row's life: queued → sending → sent | failed; skipped and holdout are final from the start.</summary>
public static class RecipientState
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Holdout = "holdout";

    public static readonly IReadOnlyList<string> All = [Queued, Sending, Sent, Failed, Skipped, Holdout];
}

/// <summary>Why a frozen recipient gets nothing, and why a send failed for good.</summary>
public static class RecipientReason
{
    public const string NoConsent = "no_consent";
    public const string Unsubscribed = "unsubscribed";
    public const string FrequencyCap = "frequency_cap";
    public const string NoEmail = "no_email";

    /// <summary>The worker died with this message handed to SMTP: the server may hold it, so it is never sent again.</summary>
    public const string Interrupted = "interrupted";
    public const string Refused = "refused";
    public const string RetriesExhausted = "retries_exhausted";

    public static readonly IReadOnlyList<string> Skips = [NoConsent, Unsubscribed, FrequencyCap, NoEmail];
}

public static class EmailTriggers
{
    public const string LiveSessionEnded = "live_session_ended";

    public static readonly IReadOnlyList<string> All = [LiveSessionEnded];
}

/// <summary>The body of POST /api/v1/email-campaigns and of the console's editor.</summary>
public sealed record EmailCampaignInput(
    string? Name = null,
    long? SegmentId = null,
    string? Subject = null,
    string? Html = null,
    string? Text = null,
    string? FromName = null,
    string? SendAt = null,
    long? CouponCampaignId = null,
    int? Recommendations = null,
    int? HoldoutPercent = null,
    bool? RepeatWeekly = null,
    string? Trigger = null);

/// <summary>A campaign as stored. Read by property, since the engines hand back different integer and bit types.</summary>
public sealed record EmailCampaign
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public long SegmentId { get; init; }
    public string Subject { get; init; } = "";
    public string Html { get; init; } = "";
    public string? TextBody { get; init; }
    public string? FromName { get; init; }
    public DateTime? SendAt { get; init; }
    public bool RepeatWeekly { get; init; }
    public string? TriggerKind { get; init; }
    public long? CouponCampaignId { get; init; }
    public int Recommendations { get; init; }
    public int HoldoutPercent { get; init; }
    public string Status { get; init; } = "";
    public bool Paused { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public const string Columns = """
        id AS Id, name AS Name, segment_id AS SegmentId, subject AS Subject, html AS Html, text_body AS TextBody,
        from_name AS FromName, send_at AS SendAt, repeat_weekly AS RepeatWeekly, trigger_kind AS TriggerKind,
        coupon_campaign_id AS CouponCampaignId, recommendations AS Recommendations, holdout_percent AS HoldoutPercent,
        status AS Status, paused AS Paused, started_at AS StartedAt, finished_at AS FinishedAt, created_at AS CreatedAt,
        updated_at AS UpdatedAt
        """;

    /// <summary>What people see: paused wins over the stored status while it lasts.</summary>
    public string ShownStatus => Paused ? EmailCampaignStatus.Paused : Status;
}
