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

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertCustomers customers, CancellationToken ct)
    {
        var (mapped, problem) = await IngestJson.ReadBatchAsync<CustomerIn>(request, ct);
        if (problem is not null) return problem;
        var result = await customers.UpsertAsync(mapped!.Items, ct);
        return TypedResults.Ok(result with { Rejected = mapped.Merge(result.Rejected) });
    }
}
