using Console.Domain.Segments;

namespace Console.Web.Hosting;

/// <summary>The segments capability's services, stateless over the store like the rest; audiences read members through ISegmentMembers.</summary>
internal static class SegmentsRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<SegmentChecks>();
        services.AddSingleton<SegmentQueries>();
        services.AddSingleton<SegmentMembers>();
        services.AddSingleton<ISegmentMembers>(sp => sp.GetRequiredService<SegmentMembers>());
        services.AddSingleton<CreateSegment>();
        services.AddSingleton<UpdateSegment>();
        services.AddSingleton<ArchiveSegment>();
        services.AddSingleton<GetSegment>();
        services.AddSingleton<ListSegments>();
        services.AddSingleton<PreviewSegment>();
        services.AddSingleton<ScorePropensity>();
        services.AddSingleton<RecordSegmentSizes>();
        services.AddSingleton<SegmentCatalogue>();
        services.AddSingleton<SegmentPickers>();
        services.AddSingleton<SegmentChoices>();
    }
}
