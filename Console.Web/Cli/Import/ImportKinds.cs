using Console.Domain.Consent;
using Console.Domain.Courses;
using Console.Domain.Customers;
using Console.Domain.Data;
using Console.Domain.Events;
using Console.Domain.LiveSessions;
using Console.Domain.Orders;

namespace Console.Web.Cli.Import;

/// <summary>Every importable kind, in the order of API.md "CLI"; the columns are the API's field names.</summary>
internal static class ImportKinds
{
    public static IEnumerable<ICsvImporter> All(IServiceProvider services)
    {
        var customers = services.GetRequiredService<UpsertCustomers>();
        var courses = services.GetRequiredService<UpsertCourses>();
        var sessions = services.GetRequiredService<UpsertLiveSessions>();
        var events = services.GetRequiredService<IngestEvents>();
        return
        [
            new BatchCsv<CustomerIn>("customers", ["externalId"], ["email", "name", "phone", "city", "source", "emailOptIn", "createdAt"],
                r => new CustomerIn(r["externalId"], r["email"], r["name"], r["phone"], r["city"], r["source"], r["emailOptIn"], r["createdAt"]),
                async (items, ct) => Upserted(await customers.UpsertAsync(items, ConsentSources.Import, ct))),
            new BatchCsv<CourseIn>("courses", ["externalId", "title", "listPrice"], ["category", "lecturer", "status"],
                r => new CourseIn(r["externalId"], r["title"], r["listPrice"], r["category"], r["lecturer"], r["status"]),
                async (items, ct) => Upserted(await courses.UpsertAsync(items, ct))),
            new BatchCsv<LiveSessionIn>("live-sessions", ["externalId", "courseExternalId", "title"],
                ["platform", "host", "scheduledAt", "startedAt", "endedAt", "peakViewers"],
                r => new LiveSessionIn(r["externalId"], r["courseExternalId"], r["title"], r["platform"], r["host"],
                    r["scheduledAt"], r["startedAt"], r["endedAt"], r["peakViewers"]),
                async (items, ct) => Upserted(await sessions.UpsertAsync(items, ct))),
            new BatchCsv<EventIn>("events", ["eventId", "customerExternalId", "type", "occurredAt"],
                ["courseExternalId", "liveSessionExternalId", "value", "couponCode"],
                r => new EventIn(r["eventId"], r["customerExternalId"], r["type"], r["occurredAt"], r["courseExternalId"],
                    r["liveSessionExternalId"], r["value"], r["couponCode"]),
                async (items, ct) =>
                {
                    var result = await events.IngestAsync(items, ct);
                    return (result.Accepted, result.Duplicates, result.Rejected);
                }),
            new OrdersCsv(services.GetRequiredService<CreateOrder>()),
        ];
    }

    private static (int, int, IReadOnlyList<Rejection>) Upserted(UpsertResult result) => (result.Upserted, 0, result.Rejected);
}
