using System.Text.Encodings.Web;
using System.Text.Unicode;
using Console.Web.Auth;
using Console.Web.Components;
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
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        AuthEndpoints.Map(app);
        UiCultures.Map(app);
        return app;
    }
}
