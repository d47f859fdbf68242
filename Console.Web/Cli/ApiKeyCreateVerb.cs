using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Web.Cli;

internal static class ApiKeyCreateVerb
{
    public static async Task<int> RunAsync(CliContext cli)
    {
        if (cli.Args.Positional.FirstOrDefault() != "create")
        {
            await cli.Error.WriteLineAsync("usage: apikey create --name N --scope ingest|manage");
            return 2;
        }
        var name = cli.Args.Get("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            await cli.Error.WriteLineAsync("error: --name: give the key a name, e.g. --name storefront.");
            return 1;
        }
        if (!ApiKeys.TryParseScope(cli.Args.Get("scope") ?? "ingest", out var scope))
        {
            await cli.Error.WriteLineAsync($"error: --scope: must be ingest or manage; got '{cli.Args.Get("scope")}'.");
            return 1;
        }
        cli.Services.GetRequiredService<Migrator>().Migrate();
        var key = await cli.Services.GetRequiredService<ApiKeys>().CreateAsync(name, scope, "cli");
        await cli.Error.WriteLineAsync($"Created {ApiKeys.ScopeName(scope)} key '{key.Name}' (id {key.Id}). It is shown once; store it now:");
        await cli.Out.WriteLineAsync(key.Key);
        return 0;
    }
}
