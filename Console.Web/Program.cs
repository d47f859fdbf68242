using Console.Web.Api;
using Console.Web.Cli;
using Console.Web.Hosting;
using Console.Web.Ui;

// One binary: a verb (migrate, seed-demo, user, apikey, import) runs and exits; no verb starts the console.
if (CliVerbs.IsVerb(args)) return await CliVerbs.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddDomainServices();
builder.AddApiServices();
builder.AddJobServices();
builder.AddUiServices();

var app = builder.Build();
await app.PrepareStoreAsync();
app.UseSecurityHeaders();
app.UseApi();
app.UseUi();
app.MapJobs();
app.MapMemoryDiagnostics();
await app.RunAsync();
return 0;

public partial class Program;
