using Console.Domain.Experiments;

namespace Console.Web.Hosting;

/// <summary>The experiments capability's services, stateless over the store like the rest.</summary>
internal static class ExperimentsRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<CreateExperiment>();
        services.AddSingleton<UpdateExperiment>();
        services.AddSingleton<GetExperiment>();
        services.AddSingleton<AssignVariant>();
        services.AddSingleton<RefreshExperimentResults>();
        services.AddSingleton<ExperimentSnapshots>();
        services.AddSingleton<ListExperiments>();
        services.AddSingleton<ExperimentChoices>();
        services.AddSingleton<VariantPromotions>();
    }
}
