using Bunit;
using Console.Domain.Admin;
using Console.Domain.Data;
using Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Console.Tests.Support;

/// <summary>bUnit with MudBlazor, the real string resources and the real admin services over a temp SQLite file.</summary>
public abstract class UiContext : BunitContext, IAsyncLifetime
{
    protected UiContext(bool migrate = true)
    {
        Store = new TempStore(migrate);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Store.Db);
        Services.AddSingleton(Store.PersonalData);
        Services.AddSingleton(new BusinessTime(new BusinessOptions()));
        Services.AddSingleton(MoneyBounds.Default);
        Services.AddSingleton<WriteGate>();
        Services.AddSingleton<StatementRunner>();
        Services.AddSingleton<Console.Domain.Courses.CategoryNames>();
        Services.AddSingleton<ConsoleUsers>();
        Services.AddSingleton<UserList>();
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<ApiKeys>();
        Services.AddSingleton<Console.Domain.Models.ModelRegistry>();
        Services.AddSingleton<Console.Domain.Models.ActiveModels>();
        // The customer, course and live-session pages place cards of other capabilities: propensity, answers, survey links.
        Services.AddSingleton<Console.Domain.Models.PropensityFeatureReader>();
        Services.AddSingleton<Console.Domain.Models.CustomerPropensity>();
        Services.AddSingleton<Console.Domain.Models.InteractionSlotReader>();
        Services.AddSingleton<Console.Domain.Models.LiveSessionWhatIf>();
        Services.AddSingleton<Console.Domain.Surveys.CustomerFeedback>();
        Services.AddSingleton<Console.Domain.Surveys.SurveyLinks>();
        Services.AddSingleton<Console.Domain.Recommendations.CustomerStateReader>();
        Services.AddSingleton<Console.Domain.Recommendations.GetRecommendations>();
        Services.AddSingleton<Console.Domain.Recommendations.CourseCards>();
        Services.AddSingleton<ExternalIds>();
        Services.AddSingleton<Console.Domain.Customers.EraseCustomer>();
        Services.AddSingleton<Console.Domain.Consent.ConsentChanges>();
    }

    protected TempStore Store { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously, so the container must go through DisposeAsync.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Store.Dispose();
    }
}
