using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>
/// Pauses or resumes one tracked link of a KOL. A paused link answers /r/{code} with the 404 page and logs no click
/// (API.md "Partners"); clicks already logged keep attributing orders within their window. Audited when it changes.
/// </summary>
public sealed class SetLinkStatus(StatementRunner runner, TimeProvider clock)
{
    public sealed record Command(string? Status = null);

    // Kept statements map rows to records only.
    private sealed record StatusRow(string Status);

    public abstract record Outcome
    {
        public sealed record Set(string Code, string Status) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long kolId, string code, Command command, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        if (string.IsNullOrWhiteSpace(command.Status)) fields.Add("status", FieldCodes.Required);
        var status = fields.OneOf("status", command.Status, KolWords.Active, KolWords.Statuses);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
        var key = code.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            var before = (await run.SingleOrDefaultAsync<StatusRow>("SELECT status FROM kol_links WHERE kol_id = @kolId AND code = @code", token,
                ("kolId", kolId), ("code", key)))?.Status;
            if (before is null) return new Outcome.NotFound();
            if (before == status) return new Outcome.Set(key, status);
            await run.ExecuteAsync("UPDATE kol_links SET status = @status WHERE kol_id = @kolId AND code = @code", token,
                ("status", status), ("kolId", kolId), ("code", key));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, status == KolWords.Paused ? "kol_link.pause" : "kol_link.resume",
                "kol", kolId.ToString(), new { code = key, status = before }, new { code = key, status }, now);
            return new Outcome.Set(key, status);
        }, outcome => outcome is Outcome.Set, _ => null, UndoFree: false), ct);
    }
}
