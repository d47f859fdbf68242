namespace Console.Web.Api;

/// <summary>Every platform API group, in the order of API.md.</summary>
internal static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1");
        OrdersApi.Map(v1);
        CustomersApi.Map(v1); CoursesApi.Map(v1); LiveSessionsApi.Map(v1); EventsApi.Map(v1);
        CouponsApi.Map(v1);
        GroupBuysApi.Map(v1);
        CouponCampaignsApi.Map(v1);
        GroupBuyCampaignsApi.Map(v1);
        StatisticsApi.Map(v1);
        SurveysApi.Map(v1);
        TextApi.Map(v1);
        RecommendationsApi.Map(v1);
        ModelsApi.Map(v1);
        KolsApi.Map(v1); PayoutsApi.Map(v1); TrackedLinksApi.Map(app);
        ExperimentsApi.Map(v1);
        CustomerDataApi.Map(v1);
        SegmentsApi.Map(v1);
        ReportsApi.Map(v1);
        EmailCampaignsApi.Map(v1);
    }
}
