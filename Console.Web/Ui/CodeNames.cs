using System.Globalization;
using Console.Domain.Courses;
using Microsoft.Extensions.Localization;

namespace Console.Web.Ui;

/// <summary>
/// Names for the codes the store keeps (order status, platform, source, course status) from the shared strings, keyed
/// "OrderStatus.paid", "Platform.own_room"...; a code with no name yet is shown as sent rather than as a resource key.
/// </summary>
public static class CodeNames
{
    public const string OrderStatus = "OrderStatus";
    public const string Platform = "Platform";
    public const string Source = "Source";
    public const string CourseStatus = "CourseStatus";

    public static string Name(this IStringLocalizer strings, string group, string? code)
    {
        if (string.IsNullOrEmpty(code)) return "—";
        var name = strings[group + "." + code];
        return name.ResourceNotFound ? code : name.Value;
    }

    /// <summary>A category in the reader's language: a marketer's name, the demo's, or the code as sent.</summary>
    public static string? Category(this CategoryNames names, string? category) =>
        category is null ? null : names.Name(category, CultureInfo.CurrentUICulture);
}
