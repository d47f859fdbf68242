using Console.Web.Api;

namespace Console.Tests.Api;

public sealed class UnknownFieldsTests
{
    private static readonly string[] Known = ["orderId", "customerExternalId", "courseExternalId", "couponCodes", "groupBuy", "paidAt"];

    [Theory]
    [InlineData("couponCode", "couponCodes")]
    [InlineData("coupon_codes", "couponCodes")]
    [InlineData("OrderID", "orderId")]
    [InlineData("paid", "paidAt")]
    [InlineData("customerId", null)]
    [InlineData("colour", null)]
    [InlineData("", null)]
    public void The_nearest_known_name_is_offered_only_when_close(string name, string? expected) =>
        Assert.Equal(expected, UnknownFields.Nearest(name, Known));

    [Fact]
    public void A_very_long_name_is_not_compared() => Assert.Null(UnknownFields.Nearest(new string('x', 10_000), Known));
}
