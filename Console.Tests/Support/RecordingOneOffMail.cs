using Console.Domain.Email;

namespace Console.Tests.Support;

/// <summary>
/// A mail sender for tests that keeps every message it is asked to send and, like the real one, delivers a key once.
/// Production registers no such thing; tests hand it to the use case that sends.
/// </summary>
public sealed class RecordingOneOffMail : IOneOffMail
{
    private readonly List<OneOffMail> _calls = [];
    private readonly HashSet<string> _delivered = [];

    public IReadOnlyList<OneOffMail> Calls => _calls;

    public IReadOnlyCollection<string> Delivered => _delivered;

    public Task<bool> SendAsync(OneOffMail mail, CancellationToken ct)
    {
        lock (_calls)
        {
            _calls.Add(mail);
            return Task.FromResult(_delivered.Add(mail.Key));
        }
    }
}
