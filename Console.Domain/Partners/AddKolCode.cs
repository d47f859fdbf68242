using System.Text.RegularExpressions;
using Console.Domain.Admin;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.Orders;

namespace Console.Domain.Partners;

/// <summary>
/// Gives a KOL a referral code: the one asked for, or a generated speakable one. KOL codes and coupon codes share one
/// namespace, so a code either holds is refused (code_taken).
/// </summary>
public sealed partial class AddKolCode(StatementRunner runner, TimeProvider clock, KolCodeTerms codes)
{
    public abstract record Outcome
    {
        public sealed record Created(string Code) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record Taken(string Code) : Outcome;
        public sealed record Invalid(FieldErrors Errors) : Outcome;
    }

    public sealed record Command(string? Code = null);

    public async Task<Outcome> ExecuteAsync(long kolId, Command command, string actor, CancellationToken ct = default)
    {
        var fields = new OrderFields();
        var asked = fields.Optional("code", command.Code, 50);
        if (asked is not null && !CodePattern().IsMatch(asked)) fields.Add("code", FieldCodes.CodeShape);
        if (!fields.Valid) return new Outcome.Invalid(fields.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        // A generated code that happens to be taken is simply drawn again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var code = asked is null ? KolCodeGenerator.Generate() : CouponCampaignRules.Normalise(asked);
            var outcome = await codes.AfterAsync(runner.WriteAsync(new WriteUnit<Outcome>(async (run, token) =>
            {
                if (await run.SingleOrDefaultAsync<long?>("SELECT id FROM kols WHERE id = @kolId", token, ("kolId", kolId)) is null)
                    return new Outcome.NotFound();
                if (await CodeNamespace.TakenAsync(run, code, token)) return new Outcome.Taken(code);
                await run.ExecuteAsync("INSERT INTO kol_codes (code, kol_id, created_at) VALUES (@code, @kolId, @now)", token,
                    ("code", code), ("kolId", kolId), ("now", now));
                await Audit.WriteAsync(run.Connection, run.Transaction!, actor, "kol_code.create", "kol", kolId.ToString(), null, new { code }, now);
                return new Outcome.Created(code);
            }, outcome => outcome is Outcome.Created, e => e is System.Data.Common.DbException db && StatementRunner.IsUniqueViolation(db)
                ? new Outcome.Taken(code) : null, UndoFree: false), ct));
            if (outcome is Outcome.Taken && asked is null) continue;
            return outcome;
        }
        throw new InvalidOperationException("No free referral code after five draws.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{3,50}$")]
    private static partial Regex CodePattern();
}

/// <summary>The one namespace of codes a buyer can type: KOL referral codes and coupon codes.</summary>
public static class CodeNamespace
{
    public static async Task<bool> TakenAsync(Statements run, string code, CancellationToken ct) =>
        await run.ScalarAsync<long>(
            """
            SELECT (SELECT COUNT(*) FROM kol_codes WHERE code = @code) + (SELECT COUNT(*) FROM coupon_codes WHERE code = @code)
            """, ct, ("code", code)) > 0;
}
