using MimeKit;

namespace Console.Domain.Email;

/// <summary>The .eml files of the embedded default, newest first, as the console lists and shows them.</summary>
public sealed class EmailOutbox(EmailOptions options)
{
    public sealed record Item(string FileName, string? To, string? Subject, DateTime WrittenAt, long Bytes);

    public bool Active => !options.UsesSmtp;

    public IReadOnlyList<Item> Latest(int take)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(options.OutboxPath));
        if (!folder.Exists) return [];
        return folder.EnumerateFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(take).Select(f =>
        {
            using var stream = f.OpenRead();
            var headers = HeaderList.Load(stream);
            return new Item(f.Name, headers[HeaderId.To], headers[HeaderId.Subject] is { } s ? MimeKit.Utils.Rfc2047.DecodeText(System.Text.Encoding.UTF8.GetBytes(s)) : null,
                f.LastWriteTimeUtc, f.Length);
        }).ToList();
    }

    public long Count()
    {
        var folder = new DirectoryInfo(Path.GetFullPath(options.OutboxPath));
        return folder.Exists ? folder.EnumerateFiles("*.eml").LongCount() : 0;
    }

    /// <summary>The message of one file of the outbox; null for a name that is not one of its files.</summary>
    public MimeMessage? Open(string fileName)
    {
        if (fileName != Path.GetFileName(fileName) || !fileName.EndsWith(".eml", StringComparison.Ordinal)) return null;
        var path = Path.Combine(Path.GetFullPath(options.OutboxPath), fileName);
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }
}
