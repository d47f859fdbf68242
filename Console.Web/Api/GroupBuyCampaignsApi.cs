using System.Security.Claims;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.GroupBuys;

namespace Console.Web.Api;

/// <summary>Group-buy campaigns for automation and marketers' scripts (API.md "Campaign management"); manage keys only.</summary>
internal static class GroupBuyCampaignsApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var campaigns = v1.MapGroup("/group-buy-campaigns").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Group-buy campaigns");
        campaigns.MapPost("", CreateAsync).Accepts<CreateGroupBuyCampaign.Input>("application/json").Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .Documented("CreateGroupBuyCampaign", "Create a group-buy campaign for one course; answers its id.",
                new CreateGroupBuyCampaign.Input("Python for three", "k-101", 3, 99.00m, 79.00m, 24 * 60,
                    "2026-12-01T00:00:00+08:00", "2026-12-31T00:00:00+08:00", 500, CampaignStatus.Active));
        campaigns.MapGet("/{id:long}", GetAsync).Produces<CampaignAnswer>()
            .Documented("GetGroupBuyCampaign", "A group-buy campaign with its team counts by state.");
    }

    public sealed record CreatedAnswer(long Id);

    public sealed record CampaignAnswer(long Id, string Name, string CourseExternalId, long TeamSize, decimal GroupPrice,
        decimal? LeaderPrice, long TeamWindowMinutes, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, long? MaxTeams,
        long TeamsOpened, string Status, IReadOnlyDictionary<string, long> Teams, DateTimeOffset CreatedAt);

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CreateGroupBuyCampaign create, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<CreateGroupBuyCampaign.Input>(request, ct);
        if (body.Problem is not null) return body.Problem;
        return await create.ExecuteAsync(body.Value!, CouponCampaignsApi.Actor(user), ct) switch
        {
            CreateGroupBuyCampaign.Outcome.Created c => TypedResults.Created($"/api/v1/group-buy-campaigns/{c.Id}", new CreatedAnswer(c.Id)),
            CreateGroupBuyCampaign.Outcome.Invalid i => Problems.Validation(i.Errors),
            var other => throw new InvalidOperationException($"Unhandled outcome {other}."),
        };
    }

    private static async Task<IResult> GetAsync(long id, GetGroupBuyCampaign campaigns, CancellationToken ct) =>
        await campaigns.FindAsync(id, ct) is { } c
            ? TypedResults.Ok(new CampaignAnswer(c.Id, c.Name, c.CourseExternalId, c.TeamSize, Money.ToDecimal(c.GroupPrice),
                CouponCampaignsApi.Dec(c.LeaderPrice), c.TeamWindowMinutes, CouponCampaignsApi.Time(c.StartsAt),
                CouponCampaignsApi.Time(c.EndsAt), c.MaxTeams, c.TeamsOpened, c.Status, c.TeamCounts,
                CouponCampaignsApi.Time(c.CreatedAt)!.Value))
            : Problems.NotFound($"No group-buy campaign {id}.");
}
