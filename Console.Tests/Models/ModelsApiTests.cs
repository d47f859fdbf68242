using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Domain.Admin;
using Console.Domain.Models;
using Console.Web.Api;

namespace Console.Tests.Models;

/// <summary>The registry and propensity endpoints through the real HTTP pipeline.</summary>
public sealed class ModelsApiTests : IDisposable
{
    private readonly ConsoleApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Models_are_listed_and_rolled_back_by_a_manage_key_only_with_an_audit_entry()
    {
        var registry = _app.Service<ModelRegistry>();
        var window = new TrainingWindow(DateTime.UtcNow.AddDays(-60), DateTime.UtcNow.AddDays(-30));
        var first = await registry.SaveCandidateAsync("propensity", [1], window, new Dictionary<string, string>(),
            new Dictionary<string, double> { ["auc"] = 0.7, ["log_loss"] = double.NaN }, 10, CancellationToken.None);
        await registry.PromoteIfBetterAsync(first.Id, (_, _) => true, CancellationToken.None);
        var second = await registry.SaveCandidateAsync("propensity", [2], window, new Dictionary<string, string>(),
            new Dictionary<string, double> { ["auc"] = 0.8 }, 10, CancellationToken.None);
        await registry.PromoteIfBetterAsync(second.Id, (_, _) => true, CancellationToken.None);

        using var ingest = await _app.ClientWithKeyAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.GetAsync("/api/v1/models")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.PostAsync($"/api/v1/models/{first.Id}/activate", null)).StatusCode);

        using var manage = await _app.ClientWithKeyAsync(ApiKeyScope.Manage);
        var list = await manage.GetFromJsonAsync<JsonElement>("/api/v1/models");
        Assert.Equal(2, list.GetArrayLength());
        var newest = list[0];
        Assert.Equal(("propensity", 2, "active"), (newest.GetProperty("kind").GetString(), newest.GetProperty("version").GetInt32(), newest.GetProperty("status").GetString()));
        Assert.Equal(0.8, newest.GetProperty("metrics").GetProperty("auc").GetDouble());
        // A figure that could not be computed is left out rather than sent as NaN, which JSON cannot hold.
        Assert.False(list[1].GetProperty("metrics").TryGetProperty("log_loss", out _));

        using var rollback = await manage.PostAsync($"/api/v1/models/{first.Id}/activate", null);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        var body = await rollback.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("active", second.Id), (body.GetProperty("status").GetString(), body.GetProperty("previousId").GetInt64()));
        Assert.Equal(first.Id, await registry.ActiveIdAsync("propensity", CancellationToken.None));
        var audit = await _app.Service<AuditLog>().QueryAsync(new AuditFilter(Entity: "model_version"), 0, 10);
        Assert.Contains(audit.Rows, r => r.Action == "model.activate" && r.EntityId == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var missing = await manage.PostAsync("/api/v1/models/99999/activate", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Propensity_answers_a_probability_with_its_model_and_factors_and_names_what_is_missing()
    {
        using var ingest = await _app.ClientWithKeyAsync();
        using var noModel = await ingest.GetAsync("/api/v1/propensity/c-1");
        Assert.Equal(HttpStatusCode.NotFound, noModel.StatusCode); // no such customer yet

        await PropensityTrainingTests.SeedLearnableAsync(_app.Store.Db, customers: 150);
        using var untrained = await ingest.GetAsync("/api/v1/propensity/c-1");
        Assert.Equal(HttpStatusCode.Conflict, untrained.StatusCode);
        Assert.Equal(ModelsApi.ModelNotTrained, (await untrained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var trainer = new PropensityTrainer(_app.Store.Db, _app.Service<PropensityFeatureReader>(), _app.Service<ModelRegistry>())
        {
            Options = new PropensityOptions(Trees: 10, MinLeafExamples: 20),
        };
        await new TrainModel(_app.Store.Db, _app.Service<ModelRegistry>(), [trainer], TimeProvider.System).RunAsync(ModelKinds.Propensity, CancellationToken.None);
        _app.Service<ActiveModels>().Invalidate(ModelKinds.Propensity);

        var answer = await ingest.GetFromJsonAsync<JsonElement>("/api/v1/propensity/c-5?courseExternalId=k-2");
        Assert.InRange(answer.GetProperty("probability").GetDouble(), 0.0, 1.0);
        Assert.Equal("k-2", answer.GetProperty("courseExternalId").GetString());
        Assert.Equal("propensity", answer.GetProperty("model").GetProperty("kind").GetString());
        Assert.Equal(CustomerPropensity.FactorCount, answer.GetProperty("topFactors").GetArrayLength());
        Assert.True(answer.GetProperty("topFactors")[0].TryGetProperty("contribution", out _));

        using var unknownCourse = await ingest.GetAsync("/api/v1/propensity/c-5?courseExternalId=nope");
        Assert.Equal(ModelsApi.UnknownCourse, (await unknownCourse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        using var unknownCustomer = await ingest.GetAsync("/api/v1/propensity/nobody");
        Assert.Equal(ModelsApi.UnknownCustomer, (await unknownCustomer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
