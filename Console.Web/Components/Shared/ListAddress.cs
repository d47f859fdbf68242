using System.Globalization;
using Console.Domain.Data;
using Microsoft.AspNetCore.Components;

namespace Console.Web.Components.Shared;

/// <summary>
/// How list pages read and write their view (sort, direction, filters, days) in the address, so a view can be shared and
/// reloaded. Anything unreadable falls back to the default instead of failing the page.
/// </summary>
public static class ListAddress
{
    public const string Ascending = "asc";
    public const string Descending = "desc";

    /// <summary>The sort named in the address, matched against the enum's names only, or the fallback.</summary>
    public static TSort Sort<TSort>(string? text, TSort fallback) where TSort : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse<TSort>(text, ignoreCase: true, out var sort)
            && Enum.IsDefined(sort) ? sort : fallback;

    public static string SortText<TSort>(TSort sort) where TSort : struct, Enum => sort.ToString().ToLowerInvariant();

    public static bool IsDescending(string? text, bool fallback) => text switch
    {
        Ascending => false,
        Descending => true,
        _ => fallback,
    };

    public static string DirectionText(bool descending) => descending ? Descending : Ascending;

    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string? DayText(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? DayText(DateTime? picked) => picked is { } d ? DayText(DateOnly.FromDateTime(d)) : null;

    public static DateTime? Picked(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    /// <summary>From and To as given; a range entered backwards is turned around rather than left empty.</summary>
    public static DayRange Days(string? from, string? to) =>
        (Day(from), Day(to)) is var (f, t) && f is { } a && t is { } b && a > b ? new DayRange(b, a) : new DayRange(Day(from), Day(to));

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Moves to the same page with these query values (null removes one), without reloading the app.</summary>
    public static void Go(NavigationManager navigation, IReadOnlyDictionary<string, object?> values) =>
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(values));
}
