namespace Console.Domain.Data;

/// <summary>
/// The shape platforms send, <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> with <c>Z</c> or <c>±HH:mm</c>, read digit by digit: the
/// general parser costs about a microsecond per value. Anything else, or any doubt, is left to the general parser.
/// </summary>
internal static class IsoTime
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)) return false;
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59) return false;
        var at = 19;
        long fraction = 0;
        if (s[at] == '.')
        {
            var digits = 0;
            while (++at < s.Length && char.IsAsciiDigit(s[at]))
            {
                if (++digits > 7) return false;
                fraction = fraction * 10 + (s[at] - '0');
            }
            if (digits == 0) return false;
            for (; digits < 7; digits++) fraction *= 10;
        }
        if (!Offset(s[at..], out var offsetMinutes)) return false;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        utc = DateTime.SpecifyKind(local.AddMinutes(-offsetMinutes), DateTimeKind.Utc);
        return true;
    }

    private static bool Offset(ReadOnlySpan<char> s, out int minutes)
    {
        minutes = 0;
        if (s is ['Z']) return true;
        if (s.Length != 6 || s[0] is not ('+' or '-') || s[3] != ':') return false;
        if (!Digits(s, 1, 2, out var hours) || !Digits(s, 4, 2, out var mins) || hours * 60 + mins > 14 * 60 || mins > 59) return false;
        minutes = (s[0] == '-' ? -1 : 1) * (hours * 60 + mins);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
