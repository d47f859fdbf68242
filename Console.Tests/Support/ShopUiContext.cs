using Console.Domain.Courses;
using Console.Domain.Customers;
using Console.Domain.LiveSessions;
using Console.Tests.Admin;
using Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Support;

/// <summary>bUnit over a temp store with the customer, course and live session queries, on a clock set to 10 March 2026.</summary>
public abstract class ShopUiContext : UiContext
{
    protected ShopUiContext(bool migrate = true) : base(migrate)
    {
        // The course list offers category naming to campaign roles only; pages render here as a reader without one.
        AddAuthorization();
        Services.AddSingleton<TimeProvider>(new ManualClock(new DateTimeOffset(2026, 3, 10, 4, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton<CustomerList>();
        Services.AddSingleton<CustomerProfile>();
        Services.AddSingleton<CustomerTimeline>();
        Services.AddSingleton<CourseList>();
        Services.AddSingleton<CourseDetail>();
        Services.AddSingleton<CourseSessions>();
        Services.AddSingleton<LiveSessionList>();
        Services.AddSingleton<LiveSessionReport>();
        Services.AddSingleton<LiveSessionActivity>();
    }
}
