using Console.Domain.Customers;
using Console.Domain.Data;
using Console.Domain.Models;
using Console.Web.Api;
using Console.Web.Auth;
using Dapper;

namespace Console.Web.Components.Pages.Customers;

/// <summary>The customer's data export for a signed-in Admin (cookie auth): the same document as the API's.</summary>
public static class CustomerDataDownload
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Map(WebApplication app) =>
        app.MapGet("/customers/{id:long}/export.json", ExportAsync).RequireAuthorization(UiPolicies.Admin).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(long id, Db db, ExportCustomer export, CustomerPropensity propensity, TimeProvider clock,
        CancellationToken ct)
    {
        string? externalId;
        await using (var connection = await db.OpenAsync(ct))
            externalId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT external_id FROM customers WHERE id = @id", new { id }, cancellationToken: ct));
        var document = externalId is null ? null : await CustomerDataApi.DocumentAsync(externalId, export, propensity, clock, ct);
        return document is null
            ? Problems.NotFound("No such customer.")
            : TypedResults.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, Json), "application/json", $"customer-{id}.json");
    }
}
