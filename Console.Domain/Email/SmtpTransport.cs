using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Console.Domain.Email;

/// <summary>
/// A MailKit connection kept open across messages and reopened after it breaks. A 4xx reply is transient and a 5xx
/// permanent; a broken connection is transient unless the message body had started to go out, when the server may
/// already hold the message and a resend could deliver it twice.
/// </summary>
public sealed class SmtpTransport(SmtpOptions options) : IMailTransport
{
    private readonly SmtpClient _client = new() { Timeout = Math.Max(1, options.TimeoutSeconds) * 1000 };

    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken ct)
    {
        var progress = new BodyProgress();
        try
        {
            await EnsureConnectedAsync(ct);
            var reply = await _client.SendAsync(message, ct, progress);
            return SendResult.Accepted(reply);
        }
        catch (SmtpCommandException e)
        {
            await DropAsync();
            var code = (int)e.StatusCode;
            var reply = $"{code} {e.Message}";
            return code is >= 400 and < 500 ? new SendResult(SendVerdict.Transient, reply) : new SendResult(SendVerdict.Permanent, reply);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
                                       or TimeoutException or SslHandshakeException or AuthenticationException)
        {
            await DropAsync();
            var reply = $"connection: {e.Message}";
            if (e is AuthenticationException) return new SendResult(SendVerdict.Transient, reply);
            return progress.Started ? new SendResult(SendVerdict.Ambiguous, reply) : new SendResult(SendVerdict.Transient, reply);
        }
    }

    private async Task EnsureConnectedAsync(CancellationToken ct)
    {
        if (_client.IsConnected) return;
        var security = options.Security.ToLowerInvariant() switch
        {
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            "none" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        var host = options.Host ?? "localhost";
        await _client.ConnectAsync(await OpenSocketAsync(host, options.Port, ct, options.TimeoutSeconds), host, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.User)) await _client.AuthenticateAsync(options.User, options.Password ?? "", ct);
    }

    /// <summary>
    /// A socket without Nagle's delay: otherwise the last small write of each message waits for the server's delayed
    /// acknowledgement, about 40 ms a message on Linux, which caps one connection near 20 messages a second.
    /// </summary>
    public static async Task<Socket> OpenSocketAsync(string host, int port, CancellationToken ct, int timeoutSeconds = 30)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)));
        try
        {
            await socket.ConnectAsync(host, port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Connecting to {host}:{port} took longer than {timeoutSeconds} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task DropAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: false, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ObjectDisposedException)
        {
        }
        _client.Dispose();
    }

    /// <summary>Set once any byte of the message body is written: from then on a broken connection leaves the outcome unknown.</summary>
    private sealed class BodyProgress : ITransferProgress
    {
        public bool Started { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => Started = true;

        public void Report(long bytesTransferred) => Started = true;
    }
}
