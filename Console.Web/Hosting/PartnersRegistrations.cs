using Console.Domain.Partners;
using Microsoft.Extensions.Options;

namespace Console.Web.Hosting;

/// <summary>The KOL partnerships' settings and services.</summary>
internal static class PartnersRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<PartnersOptions>().BindConfiguration(PartnersOptions.Section)
            .Validate(o => o.MinimumPayout >= 0 && o.RefundRateFlag is >= 0 and <= 1 && o.ClickBurst >= 1 && o.RefundFlagMinOrders >= 1,
                "Partners: MinimumPayout must be at least 0, RefundRateFlag between 0 and 1, ClickBurst and RefundFlagMinOrders at least 1.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PartnersOptions>>().Value);
        services.AddSingleton<KolCodeTerms>();
        services.AddSingleton<OrderAttribution>();
        services.AddSingleton<CreateKol>();
        services.AddSingleton<UpdateKol>();
        services.AddSingleton<GetKol>();
        services.AddSingleton<AddContract>();
        services.AddSingleton<UpdateContract>();
        services.AddSingleton<SetLinkStatus>();
        services.AddSingleton<AddKolCode>();
        services.AddSingleton<AddLink>();
        services.AddSingleton<FollowLink>();
        services.AddSingleton<LinkCouponCampaign>();
        services.AddSingleton<KolCommissions>();
        services.AddSingleton<SettleCommissions>();
        services.AddSingleton<CreatePayout>();
        services.AddSingleton<GetPayout>();
        services.AddSingleton<MarkPayout>();
        services.AddSingleton<HoldLine>();
        services.AddSingleton<HoldInPayout>();
        services.AddSingleton<FraudSignals>();
        services.AddSingleton<RoiLeaderboard>();
        services.AddSingleton<MonthlyPayout>();
    }
}
