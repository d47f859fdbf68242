namespace Console.Domain.Email;

/// <summary>A file sent with a message, such as a rendered report.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// One message to named addresses (not a campaign): a test send, a scheduled report. <see cref="Key"/> names the
/// message, so a retried caller that sends the same key again does not deliver it twice.
/// </summary>
public sealed record OneOffMail(
    string Key,
    IReadOnlyList<string> To,
    string Subject,
    string Text,
    string? Html,
    IReadOnlyList<MailAttachment> Attachments);

/// <summary>Sends operational mail through the configured transport (SMTP, or the .eml outbox of the embedded default).</summary>
public interface IOneOffMail
{
    /// <summary>True when this call delivered the message; false when a message with this key was already delivered.</summary>
    Task<bool> SendAsync(OneOffMail mail, CancellationToken ct);
}
