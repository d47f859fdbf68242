using System.Security.Claims;
using Console.Domain.Data;
using Console.Domain.Partners;

namespace Console.Web.Api;

/// <summary>KOL payout batches (API.md "Partners (KOL)"): create a draft for a period, read it, export it, mark it paid once.</summary>
internal static class PayoutsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var payouts = v1.MapGroup("/payouts").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Payouts");
        payouts.MapPost("", CreateAsync).Accepts<CreatePayout.Command>("application/json").Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .Documented("CreatePayout", "Gather every approved, unpaid, unheld line earned up to periodEnd into a draft payout; each KOL's lines net off and a KOL below Partners:MinimumPayout waits.",
                new CreatePayout.Command("2026-11-30"));
        payouts.MapGet("/{id:long}", GetAsync).Produces<PayoutAnswer>()
            .Documented("GetPayout", "A payout with each KOL's netted amount and line count.");
        payouts.MapGet("/{id:long}.csv", CsvAsync).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Documented("GetPayoutCsv", "The payout as CSV: kol, name, account, amount, lines.");
        payouts.MapPost("/{id:long}/paid", PaidAsync).Accepts<MarkPayout.PaidCommand>(true, "application/json").Produces<PayoutAnswer>()
            .Documented("MarkPayoutPaid", "Mark the payout paid, and its lines with it; a second time is refused. The body (optional) names the transfer.",
                new MarkPayout.PaidCommand("TRX-20261201-0042"), PartnerRefusals.PayoutAlreadyPaid);
    }

    public sealed record CreatedAnswer(long Id, long Lines, decimal Total);

    public sealed record PayoutKolAnswer(long KolId, string ExternalId, string Name, string? Account, decimal Amount, long Lines);

    public sealed record PayoutAnswer(long Id, string PeriodEnd, string Status, decimal Total, long Lines, DateTimeOffset CreatedAt,
        DateTimeOffset? ApprovedAt, string? ApprovedBy, DateTimeOffset? PaidAt, IReadOnlyList<PayoutKolAnswer> Kols);

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CreatePayout create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<CreatePayout.Command>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            CreatePayout.Outcome.Created c => TypedResults.Created($"/api/v1/payouts/{c.Id}", new CreatedAnswer(c.Id, c.Lines, Money.ToDecimal(c.Total))),
            CreatePayout.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> GetAsync(long id, GetPayout payouts, CancellationToken ct) =>
        await payouts.FindAsync(id, ct) is { } p ? TypedResults.Ok(Answer(p)) : NoPayout(id);

    private static async Task<IResult> CsvAsync(long id, GetPayout payouts, CancellationToken ct) =>
        await payouts.FindAsync(id, ct) is { } p
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(PayoutCsv.Write(p)), "text/csv", $"payout-{id}.csv")
            : NoPayout(id);

    private static async Task<IResult> PaidAsync(long id, HttpRequest request, ClaimsPrincipal user, MarkPayout mark, GetPayout payouts,
        CancellationToken ct)
    {
        // The body is optional: only an explicitly empty one counts as none.
        var body = request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContentType.Any())
            ? new ApiBody.Result<MarkPayout.PaidCommand>(new MarkPayout.PaidCommand(), null)
            : await ApiBody.ReadAsync<MarkPayout.PaidCommand>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await mark.PaidAsync(id, CouponCampaignsApi.Actor(user), body.Value!.Reference, ct) switch
        {
            MarkPayout.Outcome.Done => TypedResults.Ok(Answer((await payouts.FindAsync(id, ct))!)),
            MarkPayout.Outcome.NotFound => NoPayout(id),
            _ => KolsApi.Refusal(PartnerRefusals.PayoutAlreadyPaid, id),
        };
    }

    internal static PayoutAnswer Answer(Payout p) => new(p.Id, p.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        p.Status, Money.ToDecimal(p.Total), p.Lines, KolsApi.Utc(p.CreatedAt), p.ApprovedAt is { } a ? KolsApi.Utc(a) : null, p.ApprovedBy,
        p.PaidAt is { } paid ? KolsApi.Utc(paid) : null,
        p.Kols.Select(k => new PayoutKolAnswer(k.KolId, k.ExternalId, k.Name, k.Account, Money.ToDecimal(k.Amount), k.Lines)).ToList());

    private static IResult NoPayout(long id) => Problems.NotFound($"No payout {id}.");
}
