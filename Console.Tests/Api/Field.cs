namespace Console.Tests.Api;

/// <summary>What the contract says must happen to a request or batch item because of one value in it.</summary>
public enum Verdict
{
    /// <summary>Accepted and stored as sent.</summary>
    Valid,
    /// <summary>Either answer is right (a string "5" for a number, duplicate keys); only the general rules apply.</summary>
    Lenient,
    /// <summary>A field error: 400 with errors naming the field; in a batch the item is rejected.</summary>
    Refused,
    /// <summary>A required field is absent, null or blank: as Refused.</summary>
    Missing,
    /// <summary>A business refusal (unknown course, coupon or session): a 4xx of any kind; in a batch the item is rejected.</summary>
    Conflict,
    /// <summary>Text that is not valid Unicode: a 4xx; in a batch the item is rejected as invalid_text.</summary>
    BadText,
    /// <summary>Nesting past any sane depth: a 4xx; in a batch the item is rejected or the whole body is a 400.</summary>
    Deep,
}

public enum Kind { Id, Text, Money, Whole, Number, Time, Bool, Word, List, GroupBuy, Email, Code, Numbers }

/// <summary>
/// A field of a request body as API.md lists it; Min/Max bound whole numbers, MaxLength bounds text; TakenIsConflict: a code
/// already in use is a 409 business refusal (KOL codes), not a field error.
/// </summary>
public sealed record Field(string Name, Kind Kind, bool Required = false, int MaxLength = 100, long Min = 0,
    long Max = long.MaxValue, bool Int32 = false, string[]? Allowed = null, bool TakenIsConflict = false);

/// <summary>One value for a field; a null Json leaves the field out.</summary>
public sealed record Value(J? Json, Verdict Verdict, string Note);
