using Console.Domain.Data;

namespace Console.Domain.Email;

/// <summary>A settle waiting to ride with its lane's next claim: the record of a reply the server already gave.</summary>
internal sealed record Settle(string Sql, (string Name, object? Value)[] Args);

/// <summary>
/// Group commit for the lanes of one sender: each lane asks to claim its own next recipient (with the settle of the
/// message it just sent), and the requests of the lanes that ask together are written in one transaction. Every lane
/// still claims one recipient and waits for that claim's commit before its message goes out, so a worker that dies
/// leaves at most one claimed message per lane, exactly as with a commit per lane; only the cost of the commit (the
/// pages of the rows and indexes it rewrites) is shared. A group is written once every lane still sending has asked,
/// or after <see cref="Window"/> when one is held elsewhere (a slow reply, a retry's pause, the shared rate).
/// </summary>
internal sealed class ClaimGroup(StatementRunner runner, int lanes, string worker)
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(2);

    private readonly Lock _gate = new();
    private List<Request> _waiting = [];
    private int _present = lanes;
    private long _generation;

    private sealed record Request(Settle? Pending, long Id, DateTime Now)
    {
        public TaskCompletionSource<bool> Claimed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Rows(int[] Changed);

    /// <summary>Writes the settle, if any, and claims recipient <paramref name="id"/>; true once the claim has committed and held.</summary>
    public Task<bool> ClaimAsync(Settle? pending, long id, DateTime now)
    {
        var request = new Request(pending, id, now);
        List<Request>? full = null;
        long? first = null;
        lock (_gate)
        {
            _waiting.Add(request);
            if (_waiting.Count >= _present) full = Take();
            else if (_waiting.Count == 1) first = _generation;
        }
        if (full is not null) _ = WriteAsync(full);
        else if (first is { } generation) _ = FlushLaterAsync(generation);
        return request.Claimed.Task;
    }

    /// <summary>The lane stops asking for a while (or for good): the others no longer wait for it.</summary>
    public void Leave()
    {
        List<Request>? full = null;
        lock (_gate)
        {
            _present--;
            if (_waiting.Count > 0 && _waiting.Count >= _present) full = Take();
        }
        if (full is not null) _ = WriteAsync(full);
    }

    /// <summary>The lane asks again after a pause.</summary>
    public void Return()
    {
        lock (_gate) _present++;
    }

    private List<Request> Take()
    {
        var taken = _waiting;
        _waiting = [];
        _generation++;
        return taken;
    }

    private async Task FlushLaterAsync(long generation)
    {
        await Task.Delay(Window);
        List<Request>? late = null;
        lock (_gate)
        {
            if (_generation == generation && _waiting.Count > 0) late = Take();
        }
        if (late is not null) await WriteAsync(late);
    }

    private async Task WriteAsync(List<Request> group)
    {
        try
        {
            // Every statement is a conditional update that is right on its own, so a group written twice changes nothing more.
            var rows = await runner.WriteAsync(new WriteUnit<Rows>(async (run, token) =>
            {
                var changed = new int[group.Count];
                for (var i = 0; i < group.Count; i++)
                {
                    var request = group[i];
                    if (request.Pending is { } settle) await run.ExecuteAsync(settle.Sql, token, settle.Args);
                    changed[i] = await run.ExecuteAsync(RecipientClaims.ClaimSql, token, ("now", request.Now), ("worker", worker), ("id", request.Id));
                }
                return new Rows(changed);
            }, _ => true, _ => null, UndoFree: true), CancellationToken.None);
            for (var i = 0; i < group.Count; i++) group[i].Claimed.TrySetResult(rows.Changed[i] == 1);
        }
        catch (Exception e)
        {
            foreach (var request in group) request.Claimed.TrySetException(e);
        }
    }
}
