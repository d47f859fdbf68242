namespace Console.Domain.Partners;

/// <summary>Bound from "Partners".</summary>
public sealed class PartnersOptions
{
    public const string Section = "Partners";

    /// <summary>Hosts a tracked link may send people to; anything else is refused, so /r/ is never an open redirect.</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>A KOL whose netted lines come to less waits for a later payout; in the shop currency.</summary>
    public decimal MinimumPayout { get; set; } = 100m;

    /// <summary>refund_heavy: a refund rate above this share, over at least RefundFlagMinOrders orders.</summary>
    public decimal RefundRateFlag { get; set; } = 0.25m;

    public int RefundFlagMinOrders { get; set; } = 10;

    /// <summary>click_burst: more clicks than this from one hashed address in one hour.</summary>
    public int ClickBurst { get; set; } = 20;

    /// <summary>instant_orders: an order this soon after its click.</summary>
    public int InstantOrderSeconds { get; set; } = 5;

    /// <summary>Keys the address hash, so a stored hash cannot be reversed by hashing every address.</summary>
    public string IpHashKey { get; set; } = "campaign-console";

    public bool AllowsHost(string host) =>
        AllowedHosts.Any(h => string.Equals(h.Trim(), host, StringComparison.OrdinalIgnoreCase));
}
