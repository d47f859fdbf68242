using System.Globalization;
using System.Net.Mail;
using Console.Domain.Data;

namespace Console.Domain.Data;

/// <summary>
/// Field rules shared by every ingestion batch. Values arrive as text (JSON scalars or CSV cells) and are
/// checked here once, so the API and the import verb refuse the same things with the same codes.
/// </summary>
public static class IngestFields
{
    /// <summary>External ids fit the nvarchar(100) columns of the SQL Server schema.</summary>
    public const int MaxIdLength = 100;

    /// <summary>Trimmed text, or null when absent or blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Checks an optional text field's length; null when it fits.</summary>
    public static Rejection? TooLong(string field, string? value, int max) =>
        value is not null && value.Length > max ? Rejection.Invalid(field, $"is longer than {max} characters") : null;

    /// <summary>A required id: present, not blank, at most 100 characters, no control characters.</summary>
    public static Rejection? CheckId(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Rejection.Missing(field);
        if (value.Length > MaxIdLength) return Rejection.Invalid(field, $"is longer than {MaxIdLength} characters");
        foreach (var c in value)
            if (char.IsControl(c)) return Rejection.Invalid(field, "holds control characters");
        return null;
    }

    /// <summary>ISO-8601 with an offset (or Z); a time without one is ambiguous, so it is refused rather than guessed.</summary>
    public static bool TryParseTime(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null || text.Length < 11) return false;
        if (IsoTime.TryParse(text, out utc)) return true;
        if (!HasOffset(text)) return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return false;
        utc = value.UtcDateTime;
        return true;
    }

    /// <summary>A non-negative amount with at most two decimals, as whole fen; one too large for fen is refused before it can overflow.</summary>
    public static bool TryParseMoney(string? text, out long fen)
    {
        fen = 0;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
                   CultureInfo.InvariantCulture, out var amount)
               && amount >= 0 && amount <= long.MaxValue / 100m && Money.TryToFen(amount, out fen);
    }

    public static bool TryParseNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static bool TryParseCount(string? text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value);

    public static bool TryParseBool(string? text, out bool value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes": value = true; return true;
            case "false" or "0" or "no": value = false; return true;
            default: value = false; return false;
        }
    }

    public static bool IsEmail(string text) =>
        text.Length <= 320 && MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;

    private static bool HasOffset(string text)
    {
        var time = text.IndexOfAny(['T', 't', ' '], 8);
        if (time < 0) return false;
        var last = text[^1];
        return last is 'Z' or 'z' || text.LastIndexOfAny(['+', '-']) > time;
    }
}
