using Console.Domain.Customers;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Web.Api;

/// <summary>POST /api/v1/customers: upsert a batch of customers by externalId.</summary>
internal static class CustomersApi
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPost("/customers", UpsertAsync)
            .RequireAuthorization(ApiKeyAuthentication.IngestPolicy)
            .WithName("UpsertCustomers").WithTags("Ingestion")
            .WithSummary("Upsert customers by externalId; bad items are listed in rejected[], the rest are stored.")
            .Produces<UpsertResult>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static readonly string[] Fields = ["externalId", "email", "name", "phone", "city", "source", "emailOptIn", "createdAt"];

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertCustomers customers, CancellationToken ct)
    {
        var body = await ApiBody.ReadBatchAsync(request, ct);
        if (body.Problem is not null) return body.Problem;
        var mapped = IngestJson.Map(body.Value!, Fields, v => new CustomerIn(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        var result = await customers.UpsertAsync(mapped.Items, ct);
        return TypedResults.Ok(result with { Rejected = mapped.Merge(result.Rejected) });
    }
}
