using System.Text.Encodings.Web;
using System.Text.Unicode;
using Console.Web.Auth;
using Console.Web.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;

namespace Console.Web.Ui;

public static class UiServices
{
    public static WebApplicationBuilder AddUiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, MudStringsLocalizer>();
        services.AddLocalization();
        // Chinese text goes out as characters, not as &#x...; entities three times their size.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddConsoleCookieAuth();
        services.AddAuthorizationBuilder().AddUiPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthState>();
        services.AddAntiforgery(o => o.Cookie.Name = ".CampaignConsole.Antiforgery");
        return builder;
    }

    /// <summary>Goes after UseApi: authentication has run, so antiforgery and the pages see the signed-in user.</summary>
    public static WebApplication UseUi(this WebApplication app)
    {
        app.UseRequestLocalization(UiCultures.Options());
        // People get a page for a wrong address; API callers keep their problem documents.
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.Use((context, next) =>
        {
            // Machine callers keep the problem documents written further out; only people get the page.
            if (IsMachinePath(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return next(context);
        });
        // After the status pages: a re-executed request must pass antiforgery again to reach a component endpoint.
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        AuthEndpoints.Map(app);
        UiCultures.Map(app);
        UiTheme.Map(app);
        Components.Pages.Coupons.CouponCodesDownload.Map(app);
        Components.Pages.Partners.PartnersDownloads.Map(app);
        Components.Pages.GroupBuys.RefundDueDownload.Map(app);
        Components.Pages.Surveys.RespondentPage.Map(app);
        Components.Pages.Surveys.SurveyDownloads.Map(app);
        Components.Pages.Customers.CustomerDataDownload.Map(app);
        Components.Pages.Consent.UnsubscribePage.Map(app);
        Components.Pages.Reports.ReportsDownloads.Map(app);
        return app;
    }

    private static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi")
        || path.StartsWithSegments("/auth") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_framework");
}
