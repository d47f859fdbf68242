using Console.Domain.Admin;
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
            .WithTags("Customers").Accepts<List<CustomerIn>>("application/json").Produces<UpsertResult>()
            .Documented("UpsertCustomers", "Upsert customers by externalId; bad items are listed in rejected[], the rest are stored.",
                new[] { new { externalId = "c-1001", email = "li.wei@example.com", name = "Li Wei", phone = "+86 138 0000 0000", city = "Hangzhou",
                    source = "organic_search", emailOptIn = true, createdAt = "2026-11-01T09:30:00+08:00" } });

    private static async Task<IResult> UpsertAsync(HttpRequest request, UpsertCustomers customers, CountRejections rejections, CancellationToken ct)
    {
        var (mapped, problem) = await IngestJson.ReadBatchAsync<CustomerIn>(request, ct);
        if (problem is not null) return problem;
        var result = await customers.UpsertAsync(mapped!.Items, ct);
        return TypedResults.Ok(result with { Rejected = await mapped.MergeCountedAsync(result.Rejected, rejections, ct) });
    }
}
