using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>Adds a contract to a KOL. Two contracts of one KOL may not overlap (contract_overlap), checked under the write lock.</summary>
public sealed class AddContract(StatementRunner runner, TimeProvider clock, MoneyBounds money, KolCodeTerms codes)
{
    public abstract record Outcome
    {
        public sealed record Created(long Id) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Overlap(long OtherId) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long kolId, ContractInput input, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var spec = ContractSpec.Check(input, fields, money);
        if (spec is null) return new Outcome.Invalid(fields.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return await codes.AfterAsync(runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            if (await run.SingleOrDefaultAsync<long?>("SELECT id FROM kols WHERE id = @kolId", token, ("kolId", kolId)) is null)
                return new Outcome.NotFound();
            var courses = await ContractRows.CoursesAsync(run, spec, fields, token);
            if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
            if (await ContractRows.OverlapAsync(run, kolId, spec, null, token) is { } other) return new Outcome.Overlap(other);
            var id = await run.InsertAsync(InsertSql.For(run.Dialect), token, ("kolId", kolId), ("startsAt", spec.StartsAt),
                ("endsAt", spec.EndsAt), ("rateKind", spec.Rate.Kind), ("rateValue", spec.Rate.Value), ("fee", spec.FixedFee),
                ("window", spec.WindowDays), ("holding", spec.HoldingDays), ("binding", spec.Binding), ("now", now));
            await ContractRows.WriteChildrenAsync(run, id, spec, courses, token);
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "kol_contract.create", "kol", kolId.ToString(), null,
                new { contractId = id, spec }, now);
            return new Outcome.Created(id);
        }, outcome => outcome is Outcome.Created, _ => null, UndoFree: false), ct));
    }

    private static readonly DialectSql InsertSql = new(d =>
        $"""
        INSERT INTO kol_contracts (kol_id, starts_at, ends_at, rate_kind, rate_value, fixed_fee, attribution_window_days, holding_days,
                                   binding, created_at)
        {DialectSql.OutputId(d)}
        VALUES (@kolId, @startsAt, @endsAt, @rateKind, @rateValue, @fee, @window, @holding, @binding, @now)
        """);
}
