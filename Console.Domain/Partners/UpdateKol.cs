using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>Changes any of a KOL's fields; fields left out stay as they are. Pausing stops new attribution to it.</summary>
public sealed class UpdateKol(StatementRunner runner, TimeProvider clock, KolCodeTerms codes, PersonalData personal)
{
    public abstract record Outcome
    {
        public sealed record Updated(long Id) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Exists(string ExternalId) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long id, KolInput input, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var values = KolValues.Check(input, fields, creating: false);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return await codes.AfterAsync(runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            if (await run.SingleOrDefaultAsync<long?>("SELECT id FROM kols WHERE id = @id", token, ("id", id)) is null)
                return new Outcome.NotFound();
            if (values.ExternalId is not null && await run.SingleOrDefaultAsync<long?>(
                    "SELECT id FROM kols WHERE external_id = @external AND id <> @id", token, ("external", values.ExternalId), ("id", id)) is not null)
                return new Outcome.Exists(values.ExternalId);
            var customerId = await values.CustomerIdAsync(run, fields, token);
            if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
            await run.ExecuteAsync(UpdateSql, token, ("ExternalId", values.ExternalId), ("Name", values.Name), ("Platform", values.Platform),
                ("Handle", values.Handle), ("Email", personal.Seal(values.Email)), ("Phone", personal.Seal(values.Phone)), ("customerId", customerId),
                ("Status", values.Status), ("now", now), ("id", id));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "kol.update", "kol", id.ToString(), null, values.ForAudit(), now);
            return new Outcome.Updated(id);
        }, outcome => outcome is Outcome.Updated, _ => null, UndoFree: false), ct));
    }

    private const string UpdateSql =
        """
        UPDATE kols
        SET external_id = COALESCE(@ExternalId, external_id), name = COALESCE(@Name, name), platform = COALESCE(@Platform, platform),
            handle = COALESCE(@Handle, handle), email = COALESCE(@Email, email), phone = COALESCE(@Phone, phone),
            customer_id = COALESCE(@customerId, customer_id), status = COALESCE(@Status, status), updated_at = @now
        WHERE id = @id
        """;
}
