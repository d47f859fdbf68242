using System.Net;
using System.Net.Http.Json;
using System.Text;
using Console.Domain.Admin;
using Console.Tests.Support;

namespace Console.Tests.Events;

public sealed class IngestionAuthAndBodyTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    private static readonly object[] OneCustomer = [new { externalId = "auth-check" }];

    [Theory]
    [InlineData("/api/v1/customers")]
    [InlineData("/api/v1/courses")]
    [InlineData("/api/v1/live-sessions")]
    [InlineData("/api/v1/events")]
    public async Task No_key_is_401_problem(string path)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.PostAsJsonAsync(path, OneCustomer);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_key_is_401()
    {
        using var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "cc_" + new string('0', 64));
        using var response = await client.PostAsJsonAsync("/api/v1/customers", OneCustomer);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Disabled_key_is_401_and_stores_nothing()
    {
        var keys = fixture.App.Service<ApiKeys>();
        var key = await keys.CreateAsync("soon-revoked", ApiKeyScope.Ingest, "test");
        Assert.True(await keys.RevokeAsync(key.Id, "test"));
        using var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        var id = IngestionFixture.NewId("revoked");
        using var response = await client.PostAsJsonAsync("/api/v1/customers", new[] { new { externalId = id } });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, fixture.Scalar<int>("SELECT COUNT(*) FROM customers WHERE external_id = @id", new { id }));
    }

    [Fact]
    public async Task A_manage_key_may_ingest_too()
    {
        using var client = await fixture.App.ClientWithKeyAsync(ApiKeyScope.Manage);
        using var response = await client.PostAsJsonAsync("/api/v1/customers", new[] { new { externalId = IngestionFixture.NewId("manage") } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/customers", "[{\"externalId\": \"x\",")]
    [InlineData("/api/v1/events", "not json")]
    [InlineData("/api/v1/courses", "{\"externalId\": \"x\", \"title\": \"t\", \"listPrice\": 1}")]
    [InlineData("/api/v1/live-sessions", "\"just a string\"")]
    [InlineData("/api/v1/events", "")]
    public async Task A_body_that_is_not_a_json_array_is_400_problem(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await fixture.Client.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task More_than_5000_items_is_400_and_stores_nothing()
    {
        var prefix = IngestionFixture.NewId("big");
        var items = Enumerable.Range(0, 5_001).Select(i => new { externalId = $"{prefix}-{i}" }).ToArray();
        using var response = await fixture.Client.PostAsJsonAsync("/api/v1/customers", items);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, fixture.Scalar<int>("SELECT COUNT(*) FROM customers WHERE external_id LIKE @p", new { p = prefix + "%" }));
    }

    [Fact]
    public async Task Exactly_5000_items_are_taken()
    {
        var prefix = IngestionFixture.NewId("full");
        var items = Enumerable.Range(0, 5_000).Select(i => new { externalId = $"{prefix}-{i}" }).ToArray();
        var (status, body) = await fixture.PostAsync("/api/v1/customers", items);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5_000, body.GetProperty("upserted").GetInt32());
        Assert.Equal(5_000, fixture.Scalar<int>("SELECT COUNT(*) FROM customers WHERE external_id LIKE @p", new { p = prefix + "%" }));
    }

    [Fact]
    public async Task A_body_over_10_MB_is_413_problem()
    {
        var body = "[" + new string(' ', 10 * 1024 * 1024) + "]";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await fixture.Client.PostAsync("/api/v1/events", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
