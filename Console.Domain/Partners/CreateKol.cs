using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>Adds a KOL to the roster; an externalId already used is refused (kol_exists).</summary>
public sealed class CreateKol(StatementRunner runner, TimeProvider clock, PersonalData personal)
{
    public abstract record Outcome
    {
        public sealed record Created(long Id) : Outcome;
        public sealed record Exists(string ExternalId) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(KolInput input, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var values = KolValues.Check(input, fields, creating: true);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            if (await run.SingleOrDefaultAsync<long?>("SELECT id FROM kols WHERE external_id = @external", token,
                    ("external", values.ExternalId)) is not null)
                return new Outcome.Exists(values.ExternalId!);
            var customerId = await values.CustomerIdAsync(run, fields, token);
            if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
            var id = await run.InsertAsync(InsertSql.For(run.Dialect), token, ("ExternalId", values.ExternalId), ("Name", values.Name),
                ("Platform", values.Platform ?? "other"), ("Handle", values.Handle), ("Email", personal.Seal(values.Email)), ("Phone", personal.Seal(values.Phone)),
                ("customerId", customerId), ("Status", values.Status ?? KolWords.Active), ("now", now));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "kol.create", "kol", id.ToString(), null, values.ForAudit(), now);
            return new Outcome.Created(id);
        }, outcome => outcome is Outcome.Created, _ => null, UndoFree: false), ct);
    }

    private static readonly DialectSql InsertSql = new(d =>
        $"""
        INSERT INTO kols (external_id, name, platform, handle, email, phone, customer_id, status, created_at, updated_at)
        {DialectSql.OutputId(d)}
        VALUES (@ExternalId, @Name, @Platform, @Handle, @Email, @Phone, @customerId, @Status, @now, @now)
        """);
}
