using MimeKit;

namespace Console.Domain.Email;

/// <summary>How one send ended. Ambiguous: the connection broke after the message body was handed over, so the server may hold it.</summary>
public enum SendVerdict { Accepted, Transient, Permanent, Ambiguous }

public sealed record SendResult(SendVerdict Verdict, string Reply)
{
    public static SendResult Accepted(string reply) => new(SendVerdict.Accepted, reply);
}

/// <summary>One reused connection (or the outbox folder). A lane owns one and sends one message at a time through it.</summary>
public interface IMailTransport : IAsyncDisposable
{
    Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Opens transports as configured: SMTP when Email:Smtp:Host is set, else .eml files in the outbox.</summary>
public sealed class MailTransports(EmailOptions options)
{
    public bool UsesSmtp => options.UsesSmtp;

    public int Connections => options.UsesSmtp ? Math.Max(1, options.Smtp.Connections) : 1;

    public IMailTransport Open() => options.UsesSmtp ? new SmtpTransport(options.Smtp) : new OutboxTransport(options.OutboxPath);
}
