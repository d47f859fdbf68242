using System.Text.Json;
using Console.Domain.Customers;
using Console.Domain.Models;
using Console.Web.Api;

namespace Console.Web.Cli;

/// <summary>customer export ID: the customer's whole data as JSON on stdout. customer erase ID: erases them, as the API does.</summary>
internal static class CustomerVerb
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(CliContext cli)
    {
        var args = cli.Args.Positional;
        if (args.Count != 2 || args[0] is not ("export" or "erase"))
        {
            await cli.Error.WriteLineAsync("usage: customer export EXTERNAL_ID | customer erase EXTERNAL_ID");
            return 2;
        }
        var externalId = args[1];
        cli.Services.GetRequiredService<Console.Domain.Data.Migrator>().Migrate();
        if (args[0] == "export")
        {
            var document = await CustomerDataApi.DocumentAsync(externalId, cli.Services.GetRequiredService<ExportCustomer>(), cli.Services.GetRequiredService<CustomerPropensity>(),
                cli.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            if (document is null) return await NotFoundAsync(cli, externalId);
            await cli.Out.WriteLineAsync(JsonSerializer.Serialize(document, Json));
            return 0;
        }
        if (await cli.Services.GetRequiredService<EraseCustomer>().ExecuteAsync(externalId, "cli", CancellationToken.None) is not EraseCustomer.Outcome.Erased erased)
            return await NotFoundAsync(cli, externalId);
        await cli.Out.WriteLineAsync($"erased; the customer is now {erased.Pseudonym}");
        return 0;
    }

    private static async Task<int> NotFoundAsync(CliContext cli, string externalId)
    {
        await cli.Error.WriteLineAsync($"error: no customer has the id '{externalId}'");
        return 1;
    }
}
