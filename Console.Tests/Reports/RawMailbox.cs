using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Console.Tests.Reports;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 that keeps each accepted message whole, parsed with MimeKit,
/// so a test can open its attachments; Refuse answers a DATA attempt (1-based) with a reply instead of accepting it.
/// </summary>
public sealed class RawMailbox : IAsyncDisposable
{
    private readonly CancellationTokenSource _running = new();
    private Task _serving = Task.CompletedTask;
    private int _attempts;

    private RawMailbox()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public ConcurrentQueue<(IReadOnlyList<string> To, MimeMessage Message)> Messages { get; } = new();

    public Func<int, SmtpResponse?> Refuse { get; set; } = _ => null;

    public int Attempts => _attempts;

    public static async Task<RawMailbox> StartAsync()
    {
        var mailbox = new RawMailbox();
        var options = new SmtpServerOptionsBuilder().ServerName("loopback")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, mailbox.Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(mailbox));
        mailbox._serving = new SmtpServer.SmtpServer(options, services).StartAsync(mailbox._running.Token);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, mailbox.Port);
                return mailbox;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"The loopback SMTP server did not listen on {mailbox.Port}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _running.CancelAsync();
        try { await _serving; } catch (OperationCanceledException) { }
        _running.Dispose();
    }

    private sealed class Store(RawMailbox owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (owner.Refuse(Interlocked.Increment(ref owner._attempts)) is { } refusal) return Task.FromResult(refusal);
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Messages.Enqueue(([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], MimeMessage.Load(stream)));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
