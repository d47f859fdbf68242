using Console.Domain.Admin;
using Console.Domain.Data;

namespace Console.Web.Cli;

internal static class UserAddVerb
{
    public static async Task<int> RunAsync(CliContext cli)
    {
        if (cli.Args.Positional.FirstOrDefault() != "add")
        {
            await cli.Error.WriteLineAsync("usage: user add --email E --role Admin|Manager|Marketer --password P");
            return 2;
        }
        cli.Services.GetRequiredService<Migrator>().Migrate();
        var (user, errors) = await cli.Services.GetRequiredService<ConsoleUsers>()
            .AddAsync(cli.Args.Get("email"), cli.Args.Get("role"), cli.Args.Get("password"), "cli");
        if (user is null)
        {
            foreach (var error in errors) await cli.Error.WriteLineAsync($"error: {error}");
            return 1;
        }
        await cli.Out.WriteLineAsync($"Added {user.Role} {user.Email} (id {user.Id}).");
        return 0;
    }
}
