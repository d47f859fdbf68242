using MimeKit;

namespace Console.Domain.Email;

/// <summary>
/// The embedded default: each message becomes an .eml file named after its Message-ID, written to a temporary name and
/// moved into place, so a message is in the outbox whole or not at all and a second write of one message replaces nothing.
/// </summary>
public sealed class OutboxTransport(string folder) : IMailTransport
{
    private readonly string _folder = Path.GetFullPath(folder);

    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, FileName(message.MessageId ?? Guid.NewGuid().ToString("N")));
        if (File.Exists(path)) return SendResult.Accepted("250 already in the outbox");
        var temporary = path + ".part";
        await using (var stream = File.Create(temporary)) await message.WriteToAsync(stream, ct);
        File.Move(temporary, path, overwrite: true);
        return SendResult.Accepted("250 written to the outbox");
    }

    /// <summary>A file name from the Message-ID: letters, digits, dots and dashes only.</summary>
    public static string FileName(string messageId) =>
        new string(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray()) + ".eml";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
