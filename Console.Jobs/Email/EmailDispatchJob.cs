using Console.Domain.Email;
using Hangfire;

namespace Console.Jobs.Email;

/// <summary>Freezes the email runs that have come due (scheduled, weekly, after a live session) and sends every open run.</summary>
public sealed class EmailDispatchJob(EmailDispatch dispatch)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<string> ExecuteAsync(CancellationToken ct)
    {
        var o = await dispatch.ExecuteAsync(ct);
        return o.SegmentsUnavailable
            ? $"segments are not available yet; {o.RunsSent} open runs sent ({o.Sent} sent, {o.Failed} failed)"
            : $"{o.Frozen} runs frozen, {o.RunsSent} open runs sent ({o.Sent} sent, {o.Failed} failed)";
    }
}
