using System.Net;
using Console.Tests.Coupons;

namespace Console.Tests.Api;

/// <summary>How every single-object body is read: unknown fields refused, wrong types and ranges named by field, no internals shown.</summary>
public sealed class RequestBodyTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/api/v1/orders/quote" },
        { "POST", "/api/v1/orders" },
        { "POST", "/api/v1/orders/any-order/refund" },
        { "POST", "/api/v1/coupons/validate" },
        { "POST", "/api/v1/coupon-campaigns" },
        { "PATCH", "/api/v1/coupon-campaigns/1" },
        { "POST", "/api/v1/group-buy-campaigns" },
    };

    private Task<HttpResponseMessage> SendAsync(string method, string path, string json) =>
        f.Manage.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = ProblemAssert.Json(json) });

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_unknown_field_is_refused_on_every_endpoint(string method, string path)
    {
        using var response = await SendAsync(method, path, """{"colour":"red"}""");
        Assert.Equal(["Unknown field."], await ProblemAssert.FieldAsync(response, "colour"));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_that_is_not_one_json_object_is_400(string method, string path)
    {
        foreach (var json in new[] { "not json", "[]", "", "{", "null", "42", "{} {}" })
        {
            // An empty refund body means "refund the rest", so it is not malformed there.
            if (json.Length == 0 && path.EndsWith("/refund", StringComparison.Ordinal)) continue;
            using var response = await SendAsync(method, path, json);
            var problem = await ProblemAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Length > 0, $"{json}: {problem}");
        }
    }

    [Fact]
    public async Task A_near_miss_is_answered_with_the_name_meant()
    {
        using var order = await f.OrderAsync(new { orderId = PromoFixture.NewId("o"), customerExternalId = PromoFixture.Customer,
            courseExternalId = PromoFixture.Course, couponCode = "DOUBLE12" });
        await ProblemAssert.FieldAsync(order, "couponCode", "Unknown field; did you mean 'couponCodes'?");

        using var nested = await SendAsync("POST", "/api/v1/orders/quote", """{"groupBuy":{"campaign":1}}""");
        await ProblemAssert.FieldAsync(nested, "groupBuy.campaign", "Unknown field; did you mean 'campaignId'?");
    }

    [Theory]
    [InlineData("/api/v1/orders", """{"orderId":5}""", "orderId", "Must be a string.")]
    [InlineData("/api/v1/orders", """{"orderId":{"a":1}}""", "orderId", "Must be a string.")]
    [InlineData("/api/v1/orders", """{"groupBuy":{"campaignId":"x"}}""", "groupBuy.campaignId", "Must be a whole number.")]
    [InlineData("/api/v1/orders", """{"groupBuy":"x"}""", "groupBuy", "Must be an object.")]
    [InlineData("/api/v1/orders", """{"couponCodes":"X"}""", "couponCodes", "Must be an array.")]
    [InlineData("/api/v1/orders", """{"couponCodes":["A",7]}""", "couponCodes", "Must be a string.")]
    [InlineData("/api/v1/orders/quote", """{"CustomerExternalId":[]}""", "customerExternalId", "Must be a string.")]
    [InlineData("/api/v1/coupons/validate", """{"code":true}""", "code", "Must be a string.")]
    [InlineData("/api/v1/coupon-campaigns", """{"value":"ten"}""", "value", "Must be a number.")]
    [InlineData("/api/v1/coupon-campaigns", """{"value":"10"}""", "value", "Must be a number.")]
    [InlineData("/api/v1/coupon-campaigns", """{"value":1e28}""", "value", "Is out of range.")]
    [InlineData("/api/v1/coupon-campaigns", """{"budget":1e400}""", "budget", "Is out of range.")]
    [InlineData("/api/v1/coupon-campaigns", """{"stackable":"yes"}""", "stackable", "Must be true or false.")]
    [InlineData("/api/v1/coupon-campaigns", """{"totalLimit":1.5}""", "totalLimit", "Must be a whole number.")]
    [InlineData("/api/v1/coupon-campaigns", """{"totalLimit":1e20}""", "totalLimit", "Must be a whole number from -9223372036854775808 to 9223372036854775807.")]
    [InlineData("/api/v1/coupon-campaigns", """{"generateCodes":3000000000}""", "generateCodes", "Must be a whole number from -2147483648 to 2147483647.")]
    [InlineData("/api/v1/coupon-campaigns", """{"courseExternalIds":[["a"]]}""", "courseExternalIds", "Must be a string.")]
    [InlineData("/api/v1/group-buy-campaigns", """{"groupPrice":1e28}""", "groupPrice", "Is out of range.")]
    [InlineData("/api/v1/group-buy-campaigns", """{"teamSize":"three"}""", "teamSize", "Must be a whole number.")]
    [InlineData("/api/v1/orders/any-order/refund", """{"amount":-1e28}""", "amount", "Is out of range.")]
    public async Task A_wrong_type_or_range_is_400_naming_the_field(string path, string json, string field, string message)
    {
        using var response = await f.Manage.PostJsonAsync(path, json);
        Assert.Equal([message], await ProblemAssert.FieldAsync(response, field));
    }

    [Fact]
    public async Task Missing_required_fields_are_named()
    {
        using var response = await f.Manage.PostJsonAsync("/api/v1/orders", "{}");
        foreach (var field in new[] { "orderId", "customerExternalId", "courseExternalId" })
            await ProblemAssert.FieldAsync(response, field);
    }

    [Fact]
    public async Task A_body_past_10_MB_without_a_length_is_413_even_when_its_first_field_is_wrong()
    {
        // The unknown field comes first: the size limit must still win over the field error.
        foreach (var path in new[] { "/api/v1/orders/quote", "/api/v1/coupons/validate", "/api/v1/orders", "/api/v1/stats/means", "/api/v1/text/keywords" })
        {
            using var response = await f.Manage.PostAsync(path, new NoLength(Bodies.HugeObject.Value));
            await ProblemAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }
    }

    private sealed class NoLength(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task Text_that_is_not_unicode_is_400_naming_the_field()
    {
        using var surrogate = await f.Manage.PostJsonAsync("/api/v1/coupons/validate", """{"code":"A\ud800B","customerExternalId":"c"}""");
        Assert.Equal(["Is not valid Unicode text."], await ProblemAssert.FieldAsync(surrogate, "code"));

        using var bytes = await f.Manage.PostAsync("/api/v1/orders/quote", ProblemAssert.BadBytes("""{"customerExternalId":"c#"}"""));
        Assert.Equal(["Is not valid Unicode text."], await ProblemAssert.FieldAsync(bytes, "customerExternalId"));

        using var name = await f.Manage.PostJsonAsync("/api/v1/orders", """{"\udc00":1}""");
        await ProblemAssert.ProblemAsync(name, HttpStatusCode.BadRequest);

        using var rawName = await f.Manage.PostAsync("/api/v1/group-buy-campaigns", ProblemAssert.BadBytes("""{"na#me":"x"}"""));
        await ProblemAssert.ProblemAsync(rawName, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_huge_unknown_name_is_not_echoed_whole()
    {
        var name = new string('z', 100_000);
        using var response = await f.Manage.PostJsonAsync("/api/v1/orders", $$"""{"{{name}}":1}""");
        var problem = await ProblemAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal(new string('z', 200) + "…", field.Name);
    }
}
