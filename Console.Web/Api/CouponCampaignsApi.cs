using System.Security.Claims;
using Console.Domain.Coupons;
using Console.Domain.Data;

namespace Console.Web.Api;

/// <summary>Coupon campaigns for automation and marketers' scripts (API.md "Campaign management"); manage keys only.</summary>
internal static class CouponCampaignsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var campaigns = v1.MapGroup("/coupon-campaigns").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Coupon campaigns");
        campaigns.MapPost("", CreateAsync).Accepts<CouponCampaignInput>("application/json").Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .Documented("CreateCouponCampaign", "Create a coupon campaign with the console's rules; answers its id and any generated codes.",
                new CouponCampaignInput("Double 12: 20% off", CouponKinds.PercentOff, 20m, MaxDiscount: 100m, Categories: ["programming"],
                    StartsAt: "2026-12-10T00:00:00+08:00", EndsAt: "2026-12-13T00:00:00+08:00", PerCustomerLimit: 1, Budget: 50000m,
                    Code: "DOUBLE12", Status: CampaignStatus.Active));
        campaigns.MapGet("/{id:long}", GetAsync).Produces<CampaignAnswer>()
            .Documented("GetCouponCampaign", "A coupon campaign with its uses, discount given and revenue.");
        campaigns.MapPatch("/{id:long}", UpdateAsync).Accepts<CouponCampaignInput>("application/json").Produces<CampaignAnswer>()
            .Documented("UpdateCouponCampaign", "Change any of a campaign's fields (codes excepted); fields left out stay as they are.",
                new CouponCampaignInput(Status: CampaignStatus.Paused));
    }

    public sealed record CreatedAnswer(long Id, IReadOnlyList<string> Codes);

    /// <summary>Value is the percentage for percent_off and money otherwise; money is decimal in the shop currency.</summary>
    public sealed record CampaignAnswer(long Id, string Name, string Kind, decimal Value, decimal? MinSpend, decimal? MaxDiscount,
        IReadOnlyList<string> CourseExternalIds, IReadOnlyList<string> Categories, string Audience,
        IReadOnlyList<string> AudienceCustomerExternalIds, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, long? TotalLimit,
        long? PerCustomerLimit, decimal? Budget, decimal BudgetUsed, bool Stackable, long Priority, string Status,
        bool ReturnUseOnRefund, string? LiveSessionExternalId, long? ClaimMinutes, long Uses, decimal DiscountGiven, decimal Revenue,
        string? Code, long UniqueCodes, long UniqueCodesUsed, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long? AudienceSegmentId);

    internal static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "apikey";

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CreateCouponCampaign create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<CouponCampaignInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, Actor(user), ct) switch
        {
            CreateCouponCampaign.Outcome.Created c => TypedResults.Created($"/api/v1/coupon-campaigns/{c.Id}", new CreatedAnswer(c.Id, c.Codes)),
            CreateCouponCampaign.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> GetAsync(long id, GetCouponCampaign campaigns, CancellationToken ct) =>
        await campaigns.FindAsync(id, ct) is { } c ? TypedResults.Ok(Answer(c)) : Problems.NotFound($"No coupon campaign {id}.");

    private static async Task<IResult> UpdateAsync(long id, HttpRequest request, ClaimsPrincipal user, UpdateCouponCampaign update,
        CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<CouponCampaignInput>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await update.ExecuteAsync(id, body.Value!, Actor(user), ct) switch
        {
            UpdateCouponCampaign.Outcome.Updated u => TypedResults.Ok(Answer(u.Campaign)),
            UpdateCouponCampaign.Outcome.NotFound => Problems.NotFound($"No coupon campaign {id}."),
            UpdateCouponCampaign.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static CampaignAnswer Answer(CouponCampaign c) => new(c.Id, c.Name, c.Kind, Money.ToDecimal(c.Value), Dec(c.MinSpend),
        Dec(c.MaxDiscount), c.CourseExternalIds, c.Categories, c.Audience, c.AudienceCustomerExternalIds, Time(c.StartsAt),
        Time(c.EndsAt), c.TotalLimit, c.PerCustomerLimit, Dec(c.Budget), Money.ToDecimal(c.BudgetUsed), c.Stackable, c.Priority,
        c.Status, c.ReturnUseOnRefund, c.LiveSessionExternalId, c.ClaimMinutes, c.Uses, Money.ToDecimal(c.DiscountGiven),
        Money.ToDecimal(c.Revenue), c.SharedCode, c.UniqueCodes, c.UniqueCodesUsed, Time(c.CreatedAt)!.Value, Time(c.UpdatedAt)!.Value,
        c.AudienceSegmentId);

    internal static decimal? Dec(long? fen) => fen is { } f ? Money.ToDecimal(f) : null;

    internal static DateTimeOffset? Time(DateTime? utc) => utc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
