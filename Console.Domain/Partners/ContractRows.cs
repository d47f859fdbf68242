using Console.Domain.Data;
using Console.Domain.Orders;
using Dapper;

namespace Console.Domain.Partners;

/// <summary>What adding and editing a contract share inside their unit of writes: course look-ups, the overlap check, tiers and course rates.</summary>
internal static class ContractRows
{
    /// <summary>The course rates with their course ids; an unknown course is a field error named after its row.</summary>
    public static async Task<List<(long CourseId, CourseRate Rate)>> CoursesAsync(Statements run, ContractSpec spec, OrderFields fields,
        CancellationToken ct)
    {
        var courses = new List<(long CourseId, CourseRate Rate)>();
        for (var i = 0; i < spec.CourseRates.Count; i++)
        {
            var courseId = await run.SingleOrDefaultAsync<long?>("SELECT id FROM courses WHERE external_id = @external", ct,
                ("external", spec.CourseRates[i].CourseExternalId));
            if (courseId is null) fields.Add($"courseRates[{i}].courseExternalId", FieldCodes.UnknownCourse, spec.CourseRates[i].CourseExternalId);
            else courses.Add((courseId.Value, spec.CourseRates[i]));
        }
        return courses;
    }

    /// <summary>Another contract of the KOL whose period meets this one, or null; the contract being edited does not count.</summary>
    public static Task<long?> OverlapAsync(Statements run, long kolId, ContractSpec spec, long? self, CancellationToken ct) =>
        run.SingleOrDefaultAsync<long?>(OverlapSql, ct, ("kolId", kolId), ("startsAt", spec.StartsAt), ("endsAt", spec.EndsAt),
            ("self", self ?? 0));

    public static async Task WriteChildrenAsync(Statements run, long id, ContractSpec spec, List<(long CourseId, CourseRate Rate)> courses,
        CancellationToken ct)
    {
        await run.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO kol_contract_tiers (contract_id, from_monthly_net, value) VALUES (@id, @FromMonthlyNet, @Value)",
            spec.Tiers.Select(t => new { id, t.FromMonthlyNet, t.Value }), run.Transaction, cancellationToken: ct));
        await run.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO kol_contract_course_rates (contract_id, course_id, kind, value) VALUES (@id, @courseId, @kind, @value)",
            courses.Select(c => new { id, courseId = c.CourseId, kind = c.Rate.Kind, value = c.Rate.Value }), run.Transaction,
            cancellationToken: ct));
    }

    // Periods are [startsAt, endsAt) and a missing end runs on: two overlap unless one ends before the other starts.
    private const string OverlapSql =
        """
        SELECT MIN(id) FROM kol_contracts
        WHERE kol_id = @kolId AND id <> @self
          AND (ends_at IS NULL OR ends_at > @startsAt)
          AND (@endsAt IS NULL OR starts_at < @endsAt)
        """;
}
