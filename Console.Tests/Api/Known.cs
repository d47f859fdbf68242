using System.Globalization;

namespace Console.Tests.Api;

/// <summary>What the store holds before the hostile requests start, so that their valid parts refer to real things.</summary>
public sealed record Known(long CouponCampaign, long PatchCampaign, long GroupBuyCampaign, long Team, long Kol = 1, string Link = "FZLINK",
    long Survey = 1, string Unsubscribe = "/u/unsigned")
{
    public const string Course = "fz-course";        // 199.00, category art
    public const string Course2 = "fz-course-2";     // 300.00, category code
    public const string Customer = "fz-cust";
    public const string Leader = "fz-leader";        // leads the open team
    public const string LiveSession = "fz-live";
    public const string Code = "FZSAVE10";           // 10.00 off, active, no limits
    public const string PatchCode = "FZPATCH";
    public const string SmallRefunds = "fz-order-small";  // takes valid 0.01 refunds only
    public const string HostileRefunds = "fz-order-hostile";
    public const string RestRefunds = "fz-order-rest";
    public const decimal CoursePrice = 199m;
    public const string Experiment = "fz-exp";

    /// <summary>Ids a fresh store hands out, for generating the corpus without a store.</summary>
    public static readonly Known Fresh = new(1, 2, 1, 1);
}

/// <summary>Values the contract accepts; text is stored trimmed, so none starts or ends with anything but a space.</summary>
public static class ValidValues
{
    private static readonly string[] Words = ["Sketching 101", "Live Q&A", "直播答疑", "Ünïcödé night", "Café 🎨", "Li Lei", "O'Brien", "  padded  "];

    public static string Text(Random rng, int max = 100)
    {
        var text = rng.Next(3) == 0 ? Words[rng.Next(Words.Length)] : HostileValues.Injection[rng.Next(HostileValues.Injection.Length)];
        return text.Length <= max ? text : text[..max];
    }

    /// <summary>A fresh id, sometimes carrying injection text, at most 100 characters and without control characters.</summary>
    public static string Id(Random rng, string stem)
    {
        if (rng.Next(4) != 0) return stem;
        var id = stem + "-" + HostileValues.Injection[rng.Next(HostileValues.Injection.Length)];
        return id.Length <= 100 ? id : id[..100];
    }

    public static decimal Money(Random rng, decimal max) => rng.Next(7) switch
    {
        0 => 0m,
        1 => Math.Min(max, 0.01m),
        2 => max,
        3 => Math.Min(max, 99.99m),
        _ => Math.Round((decimal)rng.NextDouble() * max, 2),
    };

    public static string Time(Random rng, int dayOffset = 0)
    {
        var at = new DateTimeOffset(2025, 3, 1, 20, 15, 0, TimeSpan.FromHours(8)).AddDays(rng.Next(200) + dayOffset).AddMinutes(rng.Next(1440));
        return rng.Next(3) switch
        {
            0 => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            1 => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            _ => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        };
    }

    public static T Pick<T>(Random rng, params T[] options) => options[rng.Next(options.Length)];
}
