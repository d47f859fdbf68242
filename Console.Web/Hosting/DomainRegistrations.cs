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
        services.AddSingleton<Console.Domain.Data.Demo.DemoSeeder>();
        services.AddSingleton<Console.Domain.Sales.RollupDailySales>();
        services.AddSingleton<Console.Domain.Sales.RecomputeDailySales>();
        services.AddSingleton<Console.Domain.Sales.SalesSummary>();
        services.AddSingleton<Console.Domain.Events.IngestGate>();
        services.AddSingleton<Console.Domain.Events.ExternalIds>();
        services.AddSingleton<Console.Domain.Events.IngestEvents>();
        services.AddSingleton<Console.Domain.Customers.UpsertCustomers>();
        services.AddSingleton<Console.Domain.Courses.UpsertCourses>();
        services.AddSingleton<Console.Domain.LiveSessions.UpsertLiveSessions>();
        services.AddSingleton<Console.Domain.Admin.UserList>();
        services.AddSingleton<Console.Domain.Admin.UserRoleChange>();
        services.AddSingleton<Console.Domain.Admin.UserDisable>();
        services.AddSingleton<Console.Domain.Admin.UserPasswordReset>();
        services.AddSingleton<Console.Domain.Admin.SignInCheck>();
        services.AddSingleton<Console.Domain.Admin.AuditLog>();
        services.AddSingleton<Console.Domain.Coupons.CreateCouponCampaign>();
        services.AddSingleton<Console.Domain.Coupons.UpdateCouponCampaign>();
        services.AddSingleton<Console.Domain.Coupons.GetCouponCampaign>();
        services.AddSingleton<Console.Domain.GroupBuys.CreateGroupBuyCampaign>();
        services.AddSingleton<Console.Domain.GroupBuys.GetGroupBuyCampaign>();
        services.AddSingleton<Console.Domain.Coupons.ValidateCoupon>();
        services.AddSingleton<Console.Domain.GroupBuys.GetTeams>();
        services.AddSingleton<Console.Domain.GroupBuys.ExpireTeams>();
        services.AddSingleton<Console.Domain.Coupons.ListCouponCampaigns>();
        services.AddSingleton<Console.Domain.Coupons.CouponCampaignResults>();
        services.AddSingleton<Console.Domain.Coupons.CouponCodesExport>();
        services.AddSingleton<Console.Domain.Coupons.PromotionChoices>();
        services.AddSingleton<Console.Domain.GroupBuys.ListGroupBuyCampaigns>();
        services.AddSingleton<Console.Domain.GroupBuys.GroupBuyResults>();
        services.AddSingleton<Console.Domain.GroupBuys.ChangeGroupBuyStatus>();
        services.AddSingleton<Console.Domain.GroupBuys.TeamBoard>();
        services.AddSingleton<Console.Domain.GroupBuys.RefundDueOrders>();
    }
}
