using Console.Domain.LiveSessions;
using Console.Tests.Support;

namespace Console.Tests.LiveSessions;

/// <summary>Every key the live session pages, the course page's session list and the menu entry ask for exists.</summary>
public sealed class LiveSessionsStringsTests
{
    [Fact]
    public void Every_key_the_pages_and_navigation_use_exists()
    {
        var en = ResourceFiles.Read("LiveSessionsStrings.resx");
        var files = ResourceFiles.Components("Pages/LiveSessions", "Pages/Courses");
        ResourceFiles.AssertAllExist(en, ResourceFiles.KeysUsed(files, "Sessions", "Session"), 30);
        foreach (var sort in Enum.GetNames<LiveSessionSort>()) Assert.Contains("Sessions.Sort." + sort, en.Keys);
    }
}
