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
        services.AddSingleton<Console.Domain.Orders.OrderList>();
        services.AddSingleton<Console.Domain.Orders.OrderDetail>();
        services.AddSingleton<Console.Domain.Data.Demo.DemoSeeder>();
        services.AddSingleton<Console.Domain.Sales.RollupDailySales>();
        services.AddSingleton<Console.Domain.Sales.RecomputeDailySales>();
        services.AddSingleton<Console.Domain.Sales.SalesSummary>();
        services.AddSingleton<Console.Domain.Sales.RollupLiveFunnel>();
        services.AddSingleton<Console.Domain.Sales.LiveFunnel>();
        services.AddSingleton<Console.Domain.Sales.SalesDashboard>();
        services.AddSingleton<Console.Domain.Data.WriteGate>();
        services.AddSingleton<Console.Domain.Data.StatementRunner>();
        services.AddSingleton<Console.Domain.Data.ExternalIds>();
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
        services.AddSingleton<Console.Domain.Coupons.RunningCampaigns>();
        services.AddSingleton<Console.Domain.GroupBuys.ExpiringTeams>();
        services.AddSingleton<Console.Domain.GroupBuys.EndingGroupBuys>();
        services.AddSingleton<Console.Domain.Admin.SystemHealth>();
        services.AddSingleton<Console.Domain.Customers.CustomerList>();
        services.AddSingleton<Console.Domain.Customers.CustomerProfile>();
        services.AddSingleton<Console.Domain.Customers.CustomerTimeline>();
        services.AddSingleton<Console.Domain.Courses.CourseList>();
        services.AddSingleton<Console.Domain.Courses.CourseDetail>();
        services.AddSingleton<Console.Domain.Courses.CourseSessions>();
        services.AddSingleton<Console.Domain.LiveSessions.LiveSessionList>();
        services.AddSingleton<Console.Domain.LiveSessions.LiveSessionReport>();
        services.AddSingleton<Console.Domain.LiveSessions.LiveSessionActivity>();
        services.AddSingleton<Console.Domain.Coupons.ListCouponCampaigns>();
        services.AddSingleton<Console.Domain.Coupons.CouponCampaignResults>();
        services.AddSingleton<Console.Domain.Coupons.CouponCodesExport>();
        services.AddSingleton<Console.Domain.Coupons.PromotionChoices>();
        services.AddSingleton<Console.Domain.GroupBuys.ListGroupBuyCampaigns>();
        services.AddSingleton<Console.Domain.GroupBuys.GroupBuyResults>();
        services.AddSingleton<Console.Domain.GroupBuys.ChangeGroupBuyStatus>();
        services.AddSingleton<Console.Domain.GroupBuys.TeamBoard>();
        services.AddSingleton<Console.Domain.GroupBuys.RefundDueOrders>();
        services.AddSingleton<Console.Domain.GroupBuys.GroupBuyCourse>();
        services.AddSingleton<Console.Domain.Models.ModelRegistry>();
        services.AddSingleton<Console.Domain.Models.ActiveModels>();
        services.AddSingleton<Console.Domain.Models.TrainModel>();
        services.AddSingleton<Console.Domain.Models.TrainingRuns>();
        services.AddSingleton<Console.Domain.Recommendations.StoreFeedback>();
        services.AddSingleton<Console.Domain.Recommendations.CustomerStateReader>();
        services.AddSingleton<Console.Domain.Recommendations.GetRecommendations>();
        services.AddSingleton<Console.Domain.Recommendations.CourseCards>();
        services.AddSingleton<Console.Domain.Models.IModelTrainer, Console.Domain.Recommendations.RecommenderTrainer>();
        services.AddSingleton<Console.Domain.Models.PropensityFeatureReader>();
        services.AddSingleton<Console.Domain.Models.CustomerPropensity>();
        services.AddSingleton<Console.Domain.Models.IModelTrainer, Console.Domain.Models.PropensityTrainer>();
        services.AddSingleton<Console.Domain.Models.InteractionSlotReader>();
        services.AddSingleton<Console.Domain.Models.LiveSessionWhatIf>();
        services.AddSingleton<Console.Domain.Models.IModelTrainer, Console.Domain.Models.InteractionTrainer>();
    }
}
