using System.Security.Claims;
using Console.Domain.Customers;
using Console.Domain.Models;

namespace Console.Web.Api;

/// <summary>A customer's data rights (API.md "Customer data"): a copy of everything held, and erasure; manage keys only.</summary>
internal static class CustomerDataApi
{
    // The id is not repeated: some shops use an address or a phone number as their customer id.
    private const string NoSuchCustomer = "No customer has this id.";

    public static void Map(RouteGroupBuilder v1)
    {
        var customers = v1.MapGroup("/customers").RequireAuthorization(ApiKeyAuthentication.ManagePolicy).WithTags("Customers");
        customers.MapGet("/{externalId}/export", ExportAsync).Produces<Dictionary<string, object?>>()
            .Documented("ExportCustomer", "Everything held about one customer as one JSON document: profile, events, orders and refunds, coupons, group-buy teams, KOL attribution, survey answers, experiment assignments and the current propensity. `covers` lists its sections.");
        customers.MapDelete("/{externalId}", EraseAsync).Produces<ErasedAnswer>()
            .Documented("EraseCustomer", "Erase a customer: name, email, phone, city and free-text answers are removed and the id becomes a pseudonym; sales figures do not change, and later events under the old id start a new customer.");
    }

    public sealed record ErasedAnswer(bool Erased, string Pseudonym);

    private static async Task<IResult> ExportAsync(string externalId, ExportCustomer export, CustomerPropensity propensity, TimeProvider clock,
        CancellationToken ct) =>
        await DocumentAsync(externalId, export, propensity, clock, ct) is { } document
            ? TypedResults.Json(document)
            : Problems.NotFound(NoSuchCustomer);

    private static async Task<IResult> EraseAsync(string externalId, ClaimsPrincipal user, EraseCustomer erase, CancellationToken ct) =>
        await erase.ExecuteAsync(externalId, CouponCampaignsApi.Actor(user), ct) switch
        {
            EraseCustomer.Outcome.Erased erased => TypedResults.Ok(new ErasedAnswer(true, erased.Pseudonym)),
            _ => Problems.NotFound(NoSuchCustomer),
        };

    /// <summary>The export as the API, the CLI verb and the profile's download give it; null for an unknown customer.</summary>
    public static async Task<Dictionary<string, object?>?> DocumentAsync(string externalId, ExportCustomer export, CustomerPropensity propensity,
        TimeProvider clock, CancellationToken ct)
    {
        if (await export.ExecuteAsync(externalId, ct) is not { } data) return null;
        var document = new Dictionary<string, object?>
        {
            ["externalId"] = data.ExternalId,
            ["exportedAt"] = clock.GetUtcNow(),
            ["covers"] = data.Sections.Keys.Append("propensity").ToList(),
        };
        foreach (var (section, rows) in data.Sections) document[section] = section == "profile" ? rows.FirstOrDefault() : rows;
        // Scored now from the active model; no model or nothing to score is said as null rather than left out.
        document["propensity"] = await propensity.ScoreAsync(data.ExternalId, null, ct) is CustomerPropensity.Outcome.Scored scored
            ? new { scored.Answer.Probability, scored.Answer.CourseExternalId, model = scored.Answer.Model, scored.Answer.TopFactors }
            : null;
        return document;
    }
}
