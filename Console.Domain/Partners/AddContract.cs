using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>Adds a contract to a KOL. Two contracts of one KOL may not overlap (contract_overlap), checked under the write lock.</summary>
public sealed class AddContract(StatementRunner runner, TimeProvider clock, MoneyBounds money)
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
        return await runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
        {
            if (await run.SingleOrDefaultAsync<long?>("SELECT id FROM kols WHERE id = @kolId", token, ("kolId", kolId)) is null)
                return new Outcome.NotFound();
            var courses = new List<(long CourseId, CourseRate Rate)>();
            for (var i = 0; i < spec.CourseRates.Count; i++)
            {
                var courseId = await run.SingleOrDefaultAsync<long?>("SELECT id FROM courses WHERE external_id = @external", token,
                    ("external", spec.CourseRates[i].CourseExternalId));
                if (courseId is null) fields.Add($"courseRates[{i}].courseExternalId", FieldCodes.UnknownCourse, spec.CourseRates[i].CourseExternalId);
                else courses.Add((courseId.Value, spec.CourseRates[i]));
            }
            if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
            if (await run.SingleOrDefaultAsync<long?>(OverlapSql, token, ("kolId", kolId), ("startsAt", spec.StartsAt), ("endsAt", spec.EndsAt))
                is { } other)
                return new Outcome.Overlap(other);
            var id = await run.InsertAsync(InsertSql.For(run.Dialect), token, ("kolId", kolId), ("startsAt", spec.StartsAt),
                ("endsAt", spec.EndsAt), ("rateKind", spec.Rate.Kind), ("rateValue", spec.Rate.Value), ("fee", spec.FixedFee),
                ("window", spec.WindowDays), ("holding", spec.HoldingDays), ("binding", spec.Binding), ("now", now));
            await run.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO kol_contract_tiers (contract_id, from_monthly_net, value) VALUES (@id, @FromMonthlyNet, @Value)",
                spec.Tiers.Select(t => new { id, t.FromMonthlyNet, t.Value }), run.Transaction, cancellationToken: token));
            await run.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO kol_contract_course_rates (contract_id, course_id, kind, value) VALUES (@id, @courseId, @kind, @value)",
                courses.Select(c => new { id, courseId = c.CourseId, kind = c.Rate.Kind, value = c.Rate.Value }), run.Transaction,
                cancellationToken: token));
            await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "kol_contract.create", "kol", kolId.ToString(), null,
                new { contractId = id, spec }, now);
            return new Outcome.Created(id);
        }, outcome => outcome is Outcome.Created, _ => null, UndoFree: false), ct);
    }

    // Periods are [startsAt, endsAt) and a missing end runs on: two overlap unless one ends before the other starts.
    private const string OverlapSql =
        """
        SELECT MIN(id) FROM kol_contracts
        WHERE kol_id = @kolId
          AND (ends_at IS NULL OR ends_at > @startsAt)
          AND (@endsAt IS NULL OR starts_at < @endsAt)
        """;

    private static readonly DialectSql InsertSql = new(d =>
        $"""
        INSERT INTO kol_contracts (kol_id, starts_at, ends_at, rate_kind, rate_value, fixed_fee, attribution_window_days, holding_days,
                                   binding, created_at)
        {DialectSql.OutputId(d)}
        VALUES (@kolId, @startsAt, @endsAt, @rateKind, @rateValue, @fee, @window, @holding, @binding, @now)
        """);
}
