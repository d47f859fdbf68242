using Console.Domain.Coupons;
using Console.Tests.Support;

namespace Console.Tests.Coupons;

/// <summary>Every key the coupon pages, the marketer's start page and the audit log ask for exists, including those built from a prefix.</summary>
public sealed class CouponsStringsTests
{
    [Fact]
    public void Every_key_the_pages_use_exists_including_the_ones_built_from_a_prefix()
    {
        var en = ResourceFiles.Read("CouponsStrings.resx");
        var files = ResourceFiles.Components("Pages/Coupons", "Pages/Start", "Pages/Admin");
        ResourceFiles.AssertAllExist(en, ResourceFiles.KeysUsed(files, "Coupons", "Terms"), 60);
        foreach (var kind in CouponKinds.All)
            Assert.All(new[] { "Coupons.Kind.", "Coupons.Value.", "Coupons.ValueHelp." }, p => Assert.Contains(p + kind, en.Keys));
        foreach (var audience in Audiences.All) Assert.Contains("Coupons.Audience." + audience, en.Keys);
    }
}
