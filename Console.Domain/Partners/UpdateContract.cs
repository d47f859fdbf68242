using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>
/// Replaces a contract's terms with those sent (the same fields as adding one). The new period may not overlap another
/// contract of the KOL (contract_overlap). Lines already written keep the rate they were written at, and a month whose
/// tiers were applied stays applied: the ledger is never rewritten, the new terms count from the next order on.
/// </summary>
public sealed class UpdateContract(StatementRunner runner, TimeProvider clock, MoneyBounds money, KolCodeTerms codes)
{
    public abstract record Outcome
    {
        public sealed record Updated(long Id) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Overlap(long OtherId) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public async Task<Outcome> ExecuteAsync(long kolId, long contractId, ContractInput input, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var spec = ContractSpec.Check(input, fields, money);
        if (spec is null) return new Outcome.Invalid(fields.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return await codes.AfterAsync(runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            var before = (await GetKol.ContractsAsync(run.Connection, run.Transaction, kolId, token)).FirstOrDefault(c => c.Id == contractId);
            if (before is null) return new Outcome.NotFound();
            var courses = await ContractRows.CoursesAsync(run, spec, fields, token);
            if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
            if (await ContractRows.OverlapAsync(run, kolId, spec, contractId, token) is { } other) return new Outcome.Overlap(other);
            await run.ExecuteAsync(UpdateSql, token, ("startsAt", spec.StartsAt), ("endsAt", spec.EndsAt), ("rateKind", spec.Rate.Kind),
                ("rateValue", spec.Rate.Value), ("fee", spec.FixedFee), ("window", spec.WindowDays), ("holding", spec.HoldingDays),
                ("binding", spec.Binding), ("id", contractId));
            await run.ExecuteAsync("DELETE FROM kol_contract_tiers WHERE contract_id = @id", token, ("id", contractId));
            await run.ExecuteAsync("DELETE FROM kol_contract_course_rates WHERE contract_id = @id", token, ("id", contractId));
            await ContractRows.WriteChildrenAsync(run, contractId, spec, courses, token);
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "kol_contract.update", "kol", kolId.ToString(),
                new { contractId, before }, new { contractId, spec }, now);
            return new Outcome.Updated(contractId);
        }, outcome => outcome is Outcome.Updated, _ => null, UndoFree: false), ct));
    }

    private const string UpdateSql =
        """
        UPDATE kol_contracts
        SET starts_at = @startsAt, ends_at = @endsAt, rate_kind = @rateKind, rate_value = @rateValue, fixed_fee = @fee,
            attribution_window_days = @window, holding_days = @holding, binding = @binding
        WHERE id = @id
        """;
}
