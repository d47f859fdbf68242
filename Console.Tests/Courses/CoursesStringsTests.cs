using Console.Domain.Courses;
using Console.Tests.Support;

namespace Console.Tests.Courses;

/// <summary>Every key the course pages and their menu entry ask for exists, including those built from a prefix.</summary>
public sealed class CoursesStringsTests
{
    [Fact]
    public void Every_key_the_pages_and_navigation_use_exists()
    {
        var en = ResourceFiles.Read("CoursesStrings.resx");
        ResourceFiles.AssertAllExist(en, ResourceFiles.KeysUsed(ResourceFiles.Components("Pages/Courses"), "Courses", "Course", "Categories"), 20);
        foreach (var sort in Enum.GetNames<CourseSort>()) Assert.Contains("Courses.Sort." + sort, en.Keys);
    }
}
