using System.Net;
using System.Net.Http.Json;
using Console.Domain.Admin;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Api;

/// <summary>When the store itself fails, the client gets a plain 500 problem in every environment: no SQL, no stack, no type.</summary>
public sealed class ServerErrorProblemTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_failing_store_answers_a_500_problem_that_shows_nothing_inside(string environment)
    {
        using var app = new ConsoleApp();
        using var host = app.WithWebHostBuilder(b => b.UseEnvironment(environment));
        var key = await host.Services.GetRequiredService<ApiKeys>().CreateAsync("errors", ApiKeyScope.Ingest, "test");
        using (var connection = app.Store.Db.Open()) connection.Execute("ALTER TABLE courses RENAME TO courses_gone");
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var response = await client.PostAsJsonAsync("/api/v1/courses", new[] { new { externalId = "c-1", title = "T", listPrice = 1 } });

        var problem = await ProblemAssert.ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("courses", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
