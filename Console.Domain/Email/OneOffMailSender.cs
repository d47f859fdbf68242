using System.Security.Cryptography;
using System.Text;
using Console.Domain.Data;
using MimeKit;

namespace Console.Domain.Email;

/// <summary>
/// IOneOffMail over the configured transport. The message key is claimed by an insert before the message goes out,
/// so a retried caller delivers once; a failed send gives the key back (and throws, so the caller retries). A claim
/// left by a process that died mid-send stays, as campaign sends do: at most once.
/// </summary>
public sealed class OneOffMailSender(StatementRunner runner, MailTransports transports, EmailOptions options, TimeProvider clock) : IOneOffMail
{
    private const string SqliteClaimSql =
        """
        INSERT INTO email_one_off (mail_key, state, recipients, subject, claimed_at) VALUES (@key, 'sending', @to, @subject, @now)
        ON CONFLICT (mail_key) DO NOTHING
        """;

    private const string SqlServerClaimSql =
        """
        INSERT INTO email_one_off (mail_key, state, recipients, subject, claimed_at)
        SELECT @key, 'sending', @to, @subject, @now
        WHERE NOT EXISTS (SELECT 1 FROM email_one_off WITH (UPDLOCK, HOLDLOCK) WHERE mail_key = @key)
        """;

    private const string SentSql = "UPDATE email_one_off SET state = 'sent', sent_at = @now, reply = @reply WHERE mail_key = @key";

    private const string ReleaseSql = "DELETE FROM email_one_off WHERE mail_key = @key AND state = 'sending'";

    private sealed record Changed(int Rows);

    public async Task<bool> SendAsync(OneOffMail mail, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Key);
        if (mail.To.Count == 0) throw new ArgumentException("A message needs at least one address.", nameof(mail));
        var now = clock.GetUtcNow().UtcDateTime;
        var to = string.Join(", ", mail.To);
        if (await WriteAsync(runner.Dialect == Dialect.Sqlite ? SqliteClaimSql : SqlServerClaimSql, ct, ("key", mail.Key),
                ("to", to.Length > 2000 ? to[..2000] : to), ("subject", mail.Subject.Length > 300 ? mail.Subject[..300] : mail.Subject), ("now", now)) == 0)
            return false;
        SendResult result;
        await using (var transport = transports.Open()) result = await transport.SendAsync(Build(mail), CancellationToken.None);
        if (result.Verdict == SendVerdict.Accepted)
        {
            await WriteAsync(SentSql, CancellationToken.None, ("now", clock.GetUtcNow().UtcDateTime), ("reply", result.Reply), ("key", mail.Key));
            return true;
        }
        if (result.Verdict != SendVerdict.Ambiguous) await WriteAsync(ReleaseSql, CancellationToken.None, ("key", mail.Key));
        throw new InvalidOperationException($"The message '{mail.Key}' was not delivered: {result.Reply}");
    }

    private MimeMessage Build(OneOffMail mail)
    {
        var message = new MimeMessage
        {
            MessageId = $"oneoff.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mail.Key)))[..24]}@{options.MessageIdDomain}",
            Subject = mail.Subject,
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        foreach (var address in mail.To) message.To.Add(MailboxAddress.Parse(address));
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var a in mail.Attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task<int> WriteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] args) =>
        (await runner.WriteAsync(new WriteUnit<Changed>(async (run, token) => new Changed(await run.ExecuteAsync(sql, token, args)),
            _ => true, _ => null, UndoFree: true), ct)).Rows;
}
