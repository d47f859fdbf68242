namespace Console.Tests.Api;

/// <summary>
/// Hostile values by the kind of field they are sent to. Whether the field sits in a batch item matters where ingestion is
/// lenient by design: batch items arrive as text (the CSV import shares the rules), so a number sent for a text field may be taken.
/// </summary>
public static class HostileValues
{
    /// <summary>Text that must be taken and stored verbatim: none of it may trip the leak detector when echoed back.</summary>
    public static readonly string[] Injection =
    [
        "'; DROP TABLE customers; --", "\" OR \"1\"=\"1", "1' OR '1'='1' --", "admin'--", "Robert'); DELETE FROM orders WHERE ('1'='1",
        "1 UNION SELECT key_hash FROM api_keys", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>",
        "javascript:alert(document.cookie)", "{{7*7}}", "${7*7}", "#{7*7}", "<%= 7*7 %>", "%s%s%s%n", "{0}{1}{999}", "%x%x%x%x",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "file:///etc/passwd",
        "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd", "*)(uid=*))(|(uid=*", "{\"$gt\": \"\"}", "null", "undefined", "NaN",
        "\u202Egnp.exe", "ＡＢＣ１２３", "李雷和韩梅梅", "Ünïcödé", "😀🎉👩‍👩‍👧", "zero\u200Bwidth", "\uFEFFbom first",
    ];

    /// <summary>Strings that are not valid Unicode, as raw bytes or as escaped lone surrogates.</summary>
    public static readonly (J Json, string Note)[] BadText =
    [
        (J.Lit("\"\\ud800\""), "escaped lone high surrogate \\ud800"),
        (J.Lit("\"abc\\udc00\""), "escaped lone low surrogate \\udc00"),
        (J.Lit("\"\\ud800\\u0041x\""), "high surrogate then 'A'"),
        (J.RawString(0xFF), "raw byte FF"),
        (J.RawString((byte)'a', 0xC3, 0x28), "broken 2-byte sequence C3 28"),
        (J.RawString(0xED, 0xA0, 0x80), "UTF-8 encoded surrogate ED A0 80"),
        (J.RawString(0xC0, 0xAF), "overlong '/' C0 AF"),
        (J.RawString(0xF8, 0x88, 0x80, 0x80, 0x80), "5-byte sequence F8"),
        (J.RawString((byte)'x', 0xE2, 0x82), "truncated 3-byte sequence"),
    ];

    public static readonly (string Text, string Note)[] BadTimes =
    [
        ("2025-13-45T00:00:00Z", "month 13"), ("2025-02-30T10:00:00Z", "30 February"), ("2025-03-01T25:00:00Z", "hour 25"),
        ("yesterday", "a word"), ("2025-03-01T10:00:00", "no offset"), ("2025-03-01", "a date only"),
        ("0000-00-00T00:00:00Z", "year zero"), ("9999-12-31T23:59:59-14:00", "past year 9999 in UTC"), ("0001-01-01T00:00:00+14:00", "before year 1 in UTC"),
        ("+275760-09-13T00:00:00Z", "JavaScript's last day"), ("2025-03-01T10:00:00+25:00", "offset +25:00"),
        ("1e10", "a number as text"), ("2025-03-01T10:00:00Z' OR '1'='1", "injection after a time"),
        ("2025-03-01T10:00:00Z\u0000", "NUL after a time"), ("١٢٣٤-٠٣-٠١T10:00:00Z", "Arabic-Indic digits"),
    ];

    private static readonly (string Literal, string Note)[] BadMoney =
    [
        ("-1", "-1"), ("-0.01", "-0.01"), ("1e28", "1e28"), ("1e400", "1e400"), ("-1e400", "-1e400"), ("92233720368547758.07", "92233720368547758.07"),
        ("100000000.01", "one fen over 100,000,000.00"), ("1E+29", "1E+29"), ("79228162514264337593543950336", "past decimal.MaxValue"),
        ("1.999", "3 decimals"), ("0.001", "0.001"), ("3.14159", "5 decimals"), ("123456789012", "123,456,789,012"),
    ];

    public static Value Hostile(Field field, Random rng, bool batch)
    {
        var pick = rng.Next(100);
        // Shared by every kind: structure where a scalar belongs, absurd depth, text that is not Unicode.
        if (pick < 5 && field.Kind != Kind.List) return new(J.EmptyObject, Verdict.Refused, "an object");
        if (pick < 9 && field.Kind is not (Kind.List or Kind.Numbers)) return new(J.Array(J.Num(1), J.Num(2)), Verdict.Refused, "an array");
        if (pick < 12) return new(J.Deep(rng.Next(2) == 0 ? 10_000 : 300), Verdict.Deep, "nested arrays");
        if (pick < 24 && field.Kind is not (Kind.Money or Kind.Whole or Kind.Number or Kind.Bool or Kind.GroupBuy))
        {
            var (json, note) = BadText[rng.Next(BadText.Length)];
            return new(field.Kind == Kind.List ? J.Array(json) : json, Verdict.BadText, note);
        }
        if (pick < 32 && field.Required)
            return rng.Next(4) switch
            {
                0 => new(null, Verdict.Missing, "left out"),
                1 => new(J.Null, Verdict.Missing, "null"),
                2 => new(J.Text(""), Verdict.Missing, "empty"),
                _ => new(J.Text("   "), Verdict.Missing, "blank"),
            };
        return field.Kind switch
        {
            Kind.Id => Id(field, rng, batch),
            Kind.Text => Text(field, rng, batch),
            Kind.Money => Money(rng, batch),
            Kind.Whole => Whole(field, rng, batch),
            Kind.Number => Number(rng),
            Kind.Time => Time(rng),
            Kind.Bool => Bool(rng, batch),
            Kind.Word => Word(field, rng),
            Kind.List => List(rng),
            Kind.GroupBuy => GroupBuy(rng),
            Kind.Email => Email(rng),
            Kind.Code => Code(field, rng),
            Kind.Numbers => Numbers(rng),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    private static Value WrongType(Random rng, bool batch)
    {
        var (json, note) = rng.Next(3) switch { 0 => (J.Num(12345), "a number"), 1 => (J.True, "true"), _ => (J.Lit("1.5"), "1.5") };
        return new(json, batch ? Verdict.Lenient : Verdict.Refused, note + " for text");
    }

    private static Value Id(Field field, Random rng, bool batch) => rng.Next(6) switch
    {
        0 => new(J.Text(new string('x', field.MaxLength + 1)), Verdict.Refused, $"{field.MaxLength + 1} characters"),
        1 => new(J.Text(string.Concat(Enumerable.Repeat("李", field.MaxLength + 1))), Verdict.Refused, $"{field.MaxLength + 1} CJK characters"),
        2 => new(J.Text(new string('9', 5_000)), Verdict.Refused, "5,000 characters"),
        // Ingestion ids refuse control characters; order and coupon ids have no such rule in API.md.
        3 => new(J.Text(rng.Next(2) == 0 ? "id\u0000nul" : "line\nbreak"), batch ? Verdict.Refused : Verdict.Lenient, "a control character"),
        _ => WrongType(rng, batch),
    };

    private static Value Text(Field field, Random rng, bool batch) => rng.Next(4) switch
    {
        0 => new(J.Text(new string('y', field.MaxLength + 1)), Verdict.Refused, $"{field.MaxLength + 1} characters"),
        1 => new(J.Text(new string('z', 200_000)), Verdict.Refused, "200,000 characters"),
        _ => WrongType(rng, batch),
    };

    private static Value Money(Random rng, bool batch)
    {
        var pick = rng.Next(BadMoney.Length + 4);
        if (pick < BadMoney.Length) return new(J.Lit(BadMoney[pick].Literal), Verdict.Refused, "money " + BadMoney[pick].Note);
        return (pick - BadMoney.Length) switch
        {
            0 => new(J.True, Verdict.Refused, "true for money"),
            1 => new(J.Text("ten yuan"), Verdict.Refused, "words for money"),
            2 => new(J.Text(""), Verdict.Refused, "empty text for money"),
            // Batch items read every value as text; a single body wants JSON numbers for numbers.
            _ => new(J.Text("12.50"), batch ? Verdict.Lenient : Verdict.Refused, "money as text \"12.50\""),
        };
    }

    private static Value Whole(Field field, Random rng, bool batch)
    {
        var options = new List<Value>
        {
            new(J.Lit("1.5"), Verdict.Refused, "1.5 for a whole number"),
            new(J.Lit("1e28"), Verdict.Refused, "1e28 for a whole number"),
            new(J.Lit("1e400"), Verdict.Refused, "1e400 for a whole number"),
            new(J.Lit("9223372036854775808"), Verdict.Refused, "long.MaxValue + 1"),
            new(J.Lit("-9223372036854775809"), Verdict.Refused, "long.MinValue - 1"),
            new(J.True, Verdict.Refused, "true for a whole number"),
            new(J.Text("many"), Verdict.Refused, "a word for a whole number"),
            new(J.Text(field.Min.ToString(System.Globalization.CultureInfo.InvariantCulture)), batch ? Verdict.Lenient : Verdict.Refused, "a whole number as text"),
        };
        if (field.Min > -1_000_000) options.Add(new(J.Num(field.Min - 1), Verdict.Refused, $"{field.Min - 1}, below the minimum"));
        if (field.Max < long.MaxValue) options.Add(new(J.Num(field.Max + 1), Verdict.Refused, $"{field.Max + 1}, above the maximum"));
        if (field.Int32) options.Add(new(J.Lit("2147483648"), Verdict.Refused, "int.MaxValue + 1"));
        return options[rng.Next(options.Count)];
    }

    private static Value Number(Random rng) => rng.Next(6) switch
    {
        0 => new(J.Lit("1e400"), Verdict.Refused, "1e400 for a number"),
        1 => new(J.Lit("-1e400"), Verdict.Refused, "-1e400 for a number"),
        2 => new(J.Text("NaN"), Verdict.Refused, "\"NaN\" for a number"),
        3 => new(J.Text("Infinity"), Verdict.Refused, "\"Infinity\" for a number"),
        4 => new(J.Text("twelve"), Verdict.Refused, "a word for a number"),
        _ => new(J.True, Verdict.Refused, "true for a number"),
    };

    private static Value Time(Random rng)
    {
        var pick = rng.Next(BadTimes.Length + 2);
        if (pick < BadTimes.Length) return new(J.Text(BadTimes[pick].Text), Verdict.Refused, "time " + BadTimes[pick].Note);
        return pick == BadTimes.Length
            ? new(J.Num(1_700_000_000), Verdict.Refused, "a Unix time number")
            : new(J.Lit("true"), Verdict.Refused, "true for a time");
    }

    private static Value Bool(Random rng, bool batch) => rng.Next(5) switch
    {
        0 => new(J.Text("maybe"), Verdict.Refused, "\"maybe\" for true/false"),
        1 => new(J.Num(2), Verdict.Refused, "2 for true/false"),
        2 => new(J.Text("yes"), batch ? Verdict.Lenient : Verdict.Refused, "\"yes\" for true/false"),
        3 => new(J.Text("true"), batch ? Verdict.Lenient : Verdict.Refused, "\"true\" as text"),
        _ => new(J.Num(1), batch ? Verdict.Lenient : Verdict.Refused, "1 for true"),
    };

    /// <summary>A word from a closed list (Allowed), or a lower-case word of at most 50 letters (a channel).</summary>
    private static Value Word(Field field, Random rng) => rng.Next(5) switch
    {
        0 => field.Allowed is null ? new(J.Text("Live Room"), Verdict.Refused, "a word with a capital and a space")
            : new(J.Text("bogus"), Verdict.Refused, "an unknown word"),
        1 => new(J.Text("' OR 1=1 --"), Verdict.Refused, "injection for a word"),
        2 => new(J.Text("<b>active</b>"), Verdict.Refused, "markup for a word"),
        3 => new(J.Text(new string('w', 300)), Verdict.Refused, "a 300-letter word"),
        _ => new(J.Num(1), Verdict.Refused, "a number for a word"),
    };

    private static Value List(Random rng) => rng.Next(8) switch
    {
        0 => new(J.Text("FZSAVE10"), Verdict.Refused, "a string where an array belongs"),
        1 => new(J.Num(5), Verdict.Refused, "a number where an array belongs"),
        2 => new(J.EmptyObject, Verdict.Refused, "an object where an array belongs"),
        3 => new(J.Array(J.Num(1), J.Num(2)), Verdict.Refused, "numbers in a list of texts"),
        4 => new(J.Array(J.EmptyObject), Verdict.Refused, "an object in a list of texts"),
        5 => new(J.Array(J.Null), Verdict.Refused, "null in a list of texts"),
        6 => new(J.Texts(""), Verdict.Refused, "an empty text in a list"),
        _ => new(J.Texts(new string('q', 101)), Verdict.Refused, "a 101-character text in a list"),
    };

    private static Value GroupBuy(Random rng) => rng.Next(9) switch
    {
        0 => new(J.Object(("campaignId", J.Num(-1))), Verdict.Refused, "campaignId -1"),
        1 => new(J.Object(("campaignId", J.Num(0))), Verdict.Refused, "campaignId 0"),
        2 => new(J.Object(("campaignId", J.Text("first"))), Verdict.Refused, "campaignId as a word"),
        3 => new(J.Object(("campaignId", J.Lit("1e400"))), Verdict.Refused, "campaignId 1e400"),
        4 => new(J.Object(("campaignId", J.Lit("1.5"))), Verdict.Refused, "campaignId 1.5"),
        5 => new(J.EmptyObject, Verdict.Refused, "groupBuy without campaignId"),
        6 => new(J.Array(J.Num(1)), Verdict.Refused, "groupBuy as an array"),
        7 => new(J.Text("team"), Verdict.Refused, "groupBuy as a string"),
        _ => new(J.Object(("campaignId", J.Num(1)), ("teamId", J.Num(-5))), Verdict.Refused, "teamId -5"),
    };

    private static Value Email(Random rng)
    {
        string[] bad = ["plainaddress", "two@@example.com", "x@", "@example.com", "a@b@example.com", "Li Lei <li@example.com>"];
        var text = bad[rng.Next(bad.Length)];
        return new(J.Text(text), Verdict.Refused, $"email \"{text}\"");
    }

    private static Value Numbers(Random rng) => rng.Next(8) switch
    {
        0 => new(J.Num(5), Verdict.Refused, "a number where a list of numbers belongs"),
        1 => new(J.Texts("1", "2"), Verdict.Refused, "texts in a list of numbers"),
        2 => new(J.Array(J.Null, J.Num(1)), Verdict.Refused, "null in a list of numbers"),
        3 => new(J.Array(J.Lit("1e400"), J.Num(1)), Verdict.Refused, "1e400 in a list of numbers"),
        4 => new(J.Array(J.Num(-1), J.Num(1)), Verdict.Refused, "a negative number in a list"),
        5 => new(J.Array(J.True, J.Num(1)), Verdict.Refused, "true in a list of numbers"),
        6 => new(J.EmptyArray, Verdict.Refused, "an empty list of numbers"),
        _ => new(J.Array(J.EmptyObject, J.Num(1)), Verdict.Refused, "an object in a list of numbers"),
    };

    private static Value Code(Field field, Random rng)
    {
        string[] bad = ["ab", "has space", new string('C', 51), "ÜBER10", "CODE;DROP", "FZSAVE10"];
        var text = bad[rng.Next(bad.Length)];
        return new(J.Text(text), text == "FZSAVE10" && field.TakenIsConflict ? Verdict.Conflict : Verdict.Refused, text == "FZSAVE10" ? "a code already in use" : $"code \"{text[..Math.Min(12, text.Length)]}\"");
    }
}
