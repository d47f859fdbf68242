using System.Text.Json;

namespace Console.Web.Api;

/// <summary>Reads a JSON body ourselves so that size, syntax, type and unknown-field errors become problems naming the field, not framework 500s.</summary>
public static class ApiBody
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxBatchItems = 5_000;

    public sealed record Result<T>(T? Value, IResult? Problem);

    /// <summary>A single JSON object read into <typeparamref name="T"/>; a problem naming the field when that cannot be done.</summary>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return new(default, TooLarge());
        using var limited = new LimitedStream(request.Body, MaxBytes);
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(limited, ApiJson.Typed, ct);
            return value is null ? new(default, Problems.BadRequest("The body is empty or null.")) : new(value, null);
        }
        catch (LimitedStream.TooLargeException) { return new(default, TooLarge()); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return new(default, TooLarge()); }
        catch (JsonException e)
        {
            // Without a length, how far the reader got before the error depends on how the bytes arrived; reading on to the
            // limit makes an oversized body a 413 every time, not a 400 when its first field happened to be wrong.
            if (request.ContentLength is null && await PastLimitAsync(limited, ct)) return new(default, TooLarge());
            var error = BodyError.Of(e, typeof(T), ApiJson.Typed);
            return new(default, error.Field is { } field ? Problems.Validation(field, error.Message) : Problems.BadRequest(error.Message));
        }
        catch (InvalidOperationException)
        {
            return new(default, Problems.BadRequest("The body cannot be decoded as UTF-8 JSON text."));
        }
    }

    private static async Task<bool> PastLimitAsync(Stream limited, CancellationToken ct)
    {
        try
        {
            await limited.CopyToAsync(Stream.Null, ct);
            return false;
        }
        catch (LimitedStream.TooLargeException) { return true; }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return true; }
    }

    public static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Body too large", detail: $"The body must be at most {MaxBytes / 1024 / 1024} MB.");

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public sealed class TooLargeException : Exception;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new TooLargeException();
            return n;
        }
    }
}
