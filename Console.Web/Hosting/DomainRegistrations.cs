namespace Console.Web.Hosting;

/// <summary>One line per capability service; they are all stateless over the store, hence singletons.</summary>
internal static class DomainRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<Console.Domain.Orders.Pricing>();
        services.AddSingleton<Console.Domain.Orders.CreateOrder>();
        services.AddSingleton<Console.Domain.Orders.GetOrder>();
        services.AddSingleton<Console.Domain.Orders.QuoteOrder>();
        services.AddSingleton<Console.Domain.Orders.RefundOrder>();
        services.AddSingleton<Console.Domain.Coupons.CreateCouponCampaign>();
        services.AddSingleton<Console.Domain.Coupons.UpdateCouponCampaign>();
        services.AddSingleton<Console.Domain.Coupons.GetCouponCampaign>();
        services.AddSingleton<Console.Domain.GroupBuys.CreateGroupBuyCampaign>();
        services.AddSingleton<Console.Domain.GroupBuys.GetGroupBuyCampaign>();
        services.AddSingleton<Console.Domain.Coupons.ValidateCoupon>();
        services.AddSingleton<Console.Domain.GroupBuys.GetTeams>();
        services.AddSingleton<Console.Domain.GroupBuys.ExpireTeams>();
    }
}
