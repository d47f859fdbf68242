using Console.Domain.Coupons;
using Console.Domain.Orders;
using CsCheck;

namespace Console.Tests.Coupons;

/// <summary>Properties of the price arithmetic over random prices, group prices and coupon mixes.</summary>
public sealed class PriceCalculatorProperties
{
    private static readonly Gen<long?> OptionalFen =
        from has in Gen.Bool from fen in Gen.Long[0, 500_00] select has ? fen : (long?)null;

    private static readonly Gen<CouponTerms> Coupon =
        from kind in Gen.OneOf(CouponKinds.All)
        from percent in Gen.Long[0, 100_00]
        from fen in Gen.Long[0, 400_00]
        from minSpend in OptionalFen
        from maxDiscount in OptionalFen
        from stackable in Gen.Bool
        from priority in Gen.Long[-3, 3]
        from code in Gen.Int[0, 30]
        from budgetLeft in OptionalFen
        select new CouponTerms($"C{code:00}", code, code, kind, kind == CouponKinds.PercentOff ? percent : fen, minSpend, maxDiscount,
            stackable, priority, budgetLeft);

    private static readonly Gen<(long List, long? Group, List<CouponTerms> Coupons)> Order =
        from list in Gen.Long[0, 300_00]
        from groupPrice in OptionalFen
        from coupons in Coupon.List[0, 5]
        select (list, groupPrice, coupons.DistinctBy(c => c.Code).ToList());

    private static Calculation Price((long List, long? Group, List<CouponTerms> Coupons) o) =>
        PriceCalculator.Apply(o.List, o.Group, o.Group is null ? null : 1, o.Coupons);

    [Fact]
    public void Payable_is_never_negative_nor_above_the_list_price_and_the_discounts_add_up() =>
        Order.Sample(o =>
        {
            var price = Price(o);
            return price.Payable >= 0 && price.Payable <= o.List
                && o.List - price.Discounts.Sum(d => d.Amount) == price.Payable
                && price.Discounts.All(d => d.Amount >= 0);
        });

    [Fact]
    public void An_exclusive_coupon_never_combines_with_another() =>
        Order.Sample(o =>
        {
            var applied = Price(o).Applied;
            return applied.Count <= 1 || applied.All(a => a.Terms.Stackable);
        });

    [Fact]
    public void Every_coupon_is_either_applied_or_rejected_and_the_order_given_does_not_matter() =>
        Order.Sample(o =>
        {
            var price = Price(o);
            var reversed = Price((o.List, o.Group, Enumerable.Reverse(o.Coupons).ToList()));
            return price.Applied.Count + price.Rejected.Count == o.Coupons.Count
                && price.Payable == reversed.Payable
                && price.Discounts.SequenceEqual(reversed.Discounts);
        });

    [Fact]
    public void Caps_hold_each_discount_is_within_max_discount_and_budget_and_min_spend_was_met() =>
        Order.Sample(o =>
        {
            var price = Price(o);
            var running = o.Group is { } g ? Math.Clamp(g, 0, o.List) : o.List;
            foreach (var (terms, amount) in price.Applied)
            {
                if (amount > (terms.MaxDiscount ?? long.MaxValue) || amount > (terms.BudgetLeft ?? long.MaxValue)) return false;
                if (running < (terms.MinSpend ?? 0)) return false;
                running -= amount;
            }
            return running == price.Payable;
        });

    [Fact]
    public void Worked_examples_round_to_the_fen_and_follow_priority()
    {
        var tenPercent = new CouponTerms("TEN", 1, 1, CouponKinds.PercentOff, 10_00, null, null, true, 0, null);
        var fiveOff = new CouponTerms("FIVE", 2, 2, CouponKinds.AmountOff, 5_00, null, null, true, 1, null);
        var price = PriceCalculator.Apply(199_99, null, null, [tenPercent, fiveOff]);
        // FIVE (priority 1) first: 199.99 - 5.00 = 194.99; then 10% of 194.99 = 19.499 → 19.50.
        Assert.Equal([5_00L, 19_50L], price.Discounts.Select(d => d.Amount));
        Assert.Equal(175_49, price.Payable);

        var fixedPrice = new CouponTerms("NINE", 3, 3, CouponKinds.FixedPrice, 9_90, null, null, false, 0, null);
        var group = PriceCalculator.Apply(199_00, 99_00, 7, [fixedPrice, tenPercent]);
        Assert.Equal(["group_buy", "coupon"], group.Discounts.Select(d => d.Kind));
        Assert.Equal(9_90, group.Payable);
        Assert.Equal(CouponRefusals.NotStackable, Assert.Single(group.Rejected).Reason);
    }
}
