using System.Buffers;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Console.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a port of its own, keeping what it accepted: for each
/// message its recipient, Message-ID and unsubscribe headers. Refuse can answer a reply code instead of accepting a
/// message, and Stop/Start take the server down and up again on the same port, as a crashed mail server would be.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    public sealed record Received(string To, string? MessageId, string? ListUnsubscribe, string? ListUnsubscribePost, string? Subject);

    private CancellationTokenSource? _running;
    private Task? _serving;
    private int _attempts;

    public LoopbackSmtp(bool keepHeaders = true)
    {
        KeepHeaders = keepHeaders;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public bool KeepHeaders { get; }

    public ConcurrentQueue<Received> Mailbox { get; } = new();

    public long Accepted;

    /// <summary>Given the 1-based number of a DATA attempt, a reply to refuse it with, or null to accept it.</summary>
    public Func<int, SmtpResponse?> Refuse { get; set; } = _ => null;

    /// <summary>Called at each MAIL FROM with its 1-based number; throwing SmtpResponseException refuses the transaction.</summary>
    public Action<int>? OnMailFrom { get; set; }

    private int _mailFroms;

    public static async Task<LoopbackSmtp> StartAsync(bool keepHeaders = true)
    {
        var server = new LoopbackSmtp(keepHeaders);
        await server.StartAsync();
        return server;
    }

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("loopback")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).SessionTimeout(TimeSpan.FromMinutes(30))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(new NoDelayListeners(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _serving = server.StartAsync(_running.Token);
        return WaitListeningAsync();
    }

    private async Task WaitListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"The loopback SMTP server did not listen on {Port}.");
    }

    // Open sessions' sockets, so that a stop can reset them before the package gets to answer anything.
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();

    /// <summary>
    /// Stops listening and resets every open session's socket first, as a killed server would: the package, cancelled
    /// on its own, answers a message in flight with 554, which no dead server sends.
    /// </summary>
    public async Task StopAsync()
    {
        if (_running is null) return;
        foreach (var client in _open.Keys)
        {
            try
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }
        await _running.CancelAsync();
        try
        {
            if (_serving is not null) await _serving;
        }
        catch (OperationCanceledException)
        {
        }
        _running.Dispose();
        _running = null;
    }

    public IReadOnlyDictionary<string, int> CountByAddress() =>
        Mailbox.GroupBy(m => m.To, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class Store(LoopbackSmtp owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref owner._attempts);
            if (owner.Refuse(attempt) is { } refusal) return Task.FromResult(refusal);
            var to = string.Join(",", transaction.To.Select(m => $"{m.User}@{m.Host}"));
            Interlocked.Increment(ref owner.Accepted);
            if (owner.KeepHeaders)
            {
                using var stream = new MemoryStream(buffer.ToArray());
                var headers = HeaderList.Load(stream);
                owner.Mailbox.Enqueue(new Received(to, headers[HeaderId.MessageId], headers["List-Unsubscribe"], headers["List-Unsubscribe-Post"],
                    headers[HeaderId.Subject]));
            }
            else owner.Mailbox.Enqueue(new Received(to, null, null, null, null));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    /// <summary>
    /// Sessions whose replies leave at once, as a real server's do. The package's own listener keeps Nagle's delay, so the
    /// second of two pipelined replies waits for the client's delayed acknowledgement: 40 ms a message on Linux.
    /// </summary>
    private sealed class NoDelayListeners(LoopbackSmtp owner) : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(owner, listener);
        }
    }

    private sealed class Listener(LoopbackSmtp owner, TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            owner._open.TryAdd(client, 0);
            return new Pipe(owner, client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>Plain TCP only: the loopback server offers no STARTTLS, so the sender never upgrades.</summary>
    private sealed class Pipe(LoopbackSmtp owner, TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();
        private PipeReader? _input;
        private PipeWriter? _output;

        public PipeReader Input => _input ??= PipeReader.Create(_stream);

        public PipeWriter Output => _output ??= PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The loopback server speaks plain SMTP only.");

        public void Dispose()
        {
            owner._open.TryRemove(client, out _);
            _stream.Dispose();
            client.Dispose();
        }
    }

    private sealed class Filter(LoopbackSmtp owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
        {
            owner.OnMailFrom?.Invoke(Interlocked.Increment(ref owner._mailFroms));
            return Task.FromResult(true);
        }

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }
}
